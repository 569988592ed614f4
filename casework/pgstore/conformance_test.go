package pgstore

import (
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/storetest"
)

// TestConformance runs the suite every casework.Store passes, each subtest
// on a schema of its own, tampering with the log in SQL.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) casework.Store { s, _ := openTest(t); return s }, sqlTamperer{})
}
