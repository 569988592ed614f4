// Package s3test serves the S3 wire protocol for tests: gofakes3 (in
// memory) on a local TLS listener, no network, so that s3blobs and the
// layers that wire it are tested against a real HTTP server.
package s3test

import (
	"encoding/pem"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// Server is a running fake S3 endpoint.
type Server struct {
	// URL is the endpoint (https://127.0.0.1:port), without a bucket.
	URL string
	// Transport trusts the server's certificate.
	Transport http.RoundTripper
	// CertPEM is the server's certificate, for a CA file.
	CertPEM []byte
	// Backend is the storage behind it, to check what landed where.
	Backend *s3mem.Backend
}

// New starts a server holding the empty bucket named, stopped when the test
// ends; seen, when not nil, is called with each request first.
func New(t testing.TB, bucket string, seen func(*http.Request)) *Server {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(bucket); err != nil {
		t.Fatal(err)
	}
	h := gofakes3.New(backend).Server()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if seen != nil {
			seen(r)
		}
		h.ServeHTTP(w, r)
	}))
	// A client that does not trust the certificate makes the server log a
	// handshake error, which tests provoke on purpose.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return &Server{URL: srv.URL, Transport: srv.Client().Transport, Backend: backend,
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})}
}
