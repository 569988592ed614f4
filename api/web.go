package api

import (
	_ "embed"

	"github.com/gofiber/fiber/v2"
)

//go:embed web/index.html
var indexPage []byte

func (s *Server) handleIndexPage(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
	return c.Send(indexPage)
}
