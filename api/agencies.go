package api

import (
	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// agencyRequest is the body of PUT /v1/agencies/:code.
type agencyRequest struct {
	Name      string `json:"name"`
	DocPrefix string `json:"doc_prefix"`
	// Publication is the agency's publication rule (days, skip_warnings,
	// mask_party_name); absent: the default (7 working days).
	Publication *casework.PublicationRule `json:"publication"`
}

// handleAgencyPut answers PUT /v1/agencies/:code (admins): the agency's
// name, 机关代字 and publication rule, recorded in the full-process log.
func (s *Server) handleAgencyPut(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	code, err := checkText("code", c.Params("code"), 32)
	if err != nil {
		return err
	}
	var req agencyRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	a := casework.Agency{Code: code, Name: req.Name, DocPrefix: req.DocPrefix, Publication: req.Publication}
	if err := svc.PutAgency(c.UserContext(), u, a); err != nil {
		return err
	}
	return c.JSON(a)
}
