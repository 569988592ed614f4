package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/s3blobs"
	"github.com/cailiang/cailiang/casework/s3blobs/s3test"
)

// TestEvidenceThroughBucket uploads evidence over HTTP to a server whose
// blob store is an S3-compatible bucket (gofakes3 over TLS) and downloads it
// back through a real listener: the download is streamed after the handler
// and its request context have ended, so a body bound to that context would
// arrive empty or cut short.
func TestEvidenceThroughBucket(t *testing.T) {
	fake := s3test.New(t, "evidence", nil)
	bucket, err := s3blobs.Open(context.Background(), s3blobs.Config{URL: fake.URL + "/evidence/scjg", AccessKey: "cailiang",
		SecretKey: "test-secret", Region: "us-east-1", Transport: fake.Transport})
	if err != nil {
		t.Fatal(err)
	}
	f := newPermFixture(t)
	svc, err := casework.New(casework.Config{Store: f.w.store, Blobs: bucket, MaxEvidence: 32 << 20})
	if err != nil {
		t.Fatal(err)
	}
	addr := liveServer(t, New(Config{Library: testLibrary(t, nil), Catalog: testCatalog(t), Casework: svc}))
	c := f.caseAt(t, casework.StageInvestigating, false)
	tok := f.header(t, "officer")["Authorization"]

	// Larger than a multipart part and than the socket buffers, so that the
	// body is still being read from the bucket when the handler has returned.
	content := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("现场检查笔录"), 1<<20)...)
	ct, body := evidenceForm(t, "现场检查笔录", "record.pdf", content)
	req, _ := http.NewRequest("POST", "http://"+addr+"/v1/cases/"+c.ID+"/evidence", bytes.NewReader(body))
	req.Header.Set("Authorization", tok)
	req.Header.Set("Content-Type", ct)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 {
		t.Fatalf("upload: %d %s", resp.StatusCode, raw)
	}
	sum := sha256.Sum256(content)
	digest := hex.EncodeToString(sum[:])
	key := "scjg/" + digest[:2] + "/" + digest
	if _, err := fake.Backend.HeadObject("evidence", key); err != nil {
		t.Fatalf("object %s in the bucket: %v", key, err)
	}

	req, _ = http.NewRequest("GET", "http://"+addr+"/v1/cases/"+c.ID+"/evidence/"+digest, nil)
	req.Header.Set("Authorization", tok)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || err != nil || !bytes.Equal(got, content) {
		t.Fatalf("download: %d, %d bytes of %d (%v)", resp.StatusCode, len(got), len(content), err)
	}
	if h := resp.Header.Get("Digest"); !strings.HasSuffix(h, digest) {
		t.Errorf("Digest header %q", h)
	}
}
