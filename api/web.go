package api

import (
	_ "embed"

	"github.com/gofiber/fiber/v2"
)

//go:embed web/index.html
var indexPage []byte

// workbenchPage is the case workbench (login, queues, the case page); it
// talks to the /v1 API with the user's bearer token.
//
//go:embed web/workbench.html
var workbenchPage []byte

// transcriptsScript is the workbench's recordings and 询问笔录 section
// (issue 17), kept apart from the page so that the case page grows by files.
//
//go:embed web/transcripts.js
var transcriptsScript []byte

func (s *Server) handleTranscriptsScript(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/javascript; charset=utf-8")
	return c.Send(transcriptsScript)
}

// statsPage is the statistics and early-warning page (hand-written SVG
// charts, printable); it talks to /v1/stats and /v1/warnings with the token
// the workbench page signed in with.
//
//go:embed web/stats.html
var statsPage []byte

func (s *Server) handleIndexPage(c *fiber.Ctx) error { return sendPage(c, indexPage) }

func (s *Server) handleWorkbenchPage(c *fiber.Ctx) error { return sendPage(c, workbenchPage) }

// sendPage sends one of the embedded pages with the policy that keeps
// scripts and frames to our own origin (blob: for evidence downloads and
// the recordings the workbench plays).
func sendPage(c *fiber.Ctx, page []byte) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; frame-ancestors 'none'")
	return c.Send(page)
}

// digestPage is the daily digest page: an agency's (or the city's) digest
// of a day, from /v1/digest with the workbench's token.
//
//go:embed web/digest.html
var digestPage []byte

// oversightStyle is the stylesheet the statistics and digest pages share.
//
//go:embed web/oversight.css
var oversightStyle []byte

func (s *Server) handleOversightStyle(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/css; charset=utf-8")
	return c.Send(oversightStyle)
}

// actsPage records enforcement acts besides penalty cases (one by one or
// from a CSV file) and lists the agency's, through /v1/acts.
//
//go:embed web/acts.html
var actsPage []byte

// oversightScript holds what the statistics, digest and acts pages share:
// the token and JSON requests.
//
//go:embed web/oversight.js
var oversightScript []byte

func (s *Server) handleOversightScript(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/javascript; charset=utf-8")
	return c.Send(oversightScript)
}
