package s3blobs

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/minio/minio-go/v7"

	"github.com/cailiang/cailiang/casework/blobtest"
	"github.com/cailiang/cailiang/casework/s3blobs/s3test"
)

// fakeS3 is an S3 endpoint with one bucket, "evidence" (s3test); seen,
// when not nil, sees each request.
func fakeS3(t *testing.T) (string, http.RoundTripper) { return fakeS3Seen(t, nil) }

func fakeS3Seen(t *testing.T, seen func(*http.Request)) (string, http.RoundTripper) {
	srv := s3test.New(t, "evidence", seen)
	return srv.URL, srv.Transport
}

// testConfig is the store's configuration on the fake: 5 MiB parts (S3's
// minimum) so that the suite's larger files go through several parts.
func testConfig(endpoint string, tr http.RoundTripper, path string) Config {
	return Config{URL: endpoint + path, AccessKey: "cailiang-test", SecretKey: "test-secret-key", Region: "us-east-1",
		PartSize: 5 << 20, Transport: tr}
}

// stored lists every object and unfinished multipart upload in the bucket.
func stored(t *testing.T, b *Bucket) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for obj := range b.client.ListObjects(ctx, b.bucket, minio.ListObjectsOptions{Recursive: true}) {
		if obj.Err != nil {
			t.Fatalf("list objects: %v", obj.Err)
		}
		out = append(out, obj.Key)
	}
	for up := range b.client.ListIncompleteUploads(ctx, b.bucket, "", true) {
		// gofakes3 answers NoSuchUpload for a bucket that never had a
		// multipart upload, where S3 lists none.
		if minio.ToErrorResponse(up.Err).Code == "NoSuchUpload" {
			break
		}
		if up.Err != nil {
			t.Fatalf("list uploads: %v", up.Err)
		}
		out = append(out, "unfinished upload "+up.Key)
	}
	return out
}

func TestConformance(t *testing.T) {
	for _, path := range []string{"/evidence", "/evidence/cases/2026/"} {
		t.Run(strings.ReplaceAll(strings.Trim(path, "/"), "/", "_"), func(t *testing.T) {
			blobtest.Run(t, func(t *testing.T) blobtest.Subject {
				endpoint, tr := fakeS3(t)
				b, err := Open(context.Background(), testConfig(endpoint, tr, path))
				if err != nil {
					t.Fatal(err)
				}
				return blobtest.Subject{Blobs: b, Stored: func(t *testing.T) []string { return stored(t, b) }}
			})
		})
	}
}

func TestKeyLayout(t *testing.T) {
	endpoint, tr := fakeS3(t)
	b, err := Open(context.Background(), testConfig(endpoint, tr, "/evidence/city/agency"))
	if err != nil {
		t.Fatal(err)
	}
	digest, _, err := b.Put(context.Background(), bytes.NewReader([]byte("询问笔录")), 100)
	if err != nil {
		t.Fatal(err)
	}
	want := "city/agency/" + digest[:2] + "/" + digest
	if got := stored(t, b); len(got) != 1 || got[0] != want {
		t.Fatalf("objects = %q, want [%q]", got, want)
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		url                      string
		endpoint, bucket, prefix string
		secure                   bool
		bad                      bool
	}{
		{url: "https://s3.example.gov.cn/bucket/prefix", endpoint: "s3.example.gov.cn", bucket: "bucket", prefix: "prefix/", secure: true},
		{url: "https://s3.example.gov.cn/bucket", endpoint: "s3.example.gov.cn", bucket: "bucket", secure: true},
		{url: "http://10.0.0.5:9000/ev/a/b/", endpoint: "10.0.0.5:9000", bucket: "ev", prefix: "a/b/"},
		{url: "https://s3.example.gov.cn/", bad: true},
		{url: "https://s3.example.gov.cn", bad: true},
		{url: "ftp://s3.example.gov.cn/b", bad: true},
		{url: "s3.example.gov.cn/b", bad: true},
		{url: "https://key:secret@s3.example.gov.cn/b", bad: true},
		{url: "https://key:secret@s3.example.gov.cn:x/b", bad: true},
		{url: "https://s3.example.gov.cn/b?region=x", bad: true},
		{url: "", bad: true},
		{url: "https://%zz/b", bad: true},
	}
	for _, tt := range tests {
		endpoint, secure, bucket, prefix, err := parseURL(tt.url)
		if tt.bad {
			if !errors.Is(err, ErrConfig) {
				t.Errorf("parseURL(%q) error = %v, want ErrConfig", tt.url, err)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("parseURL(%q) error shows the secret: %v", tt.url, err)
			}
			continue
		}
		if err != nil || endpoint != tt.endpoint || secure != tt.secure || bucket != tt.bucket || prefix != tt.prefix {
			t.Errorf("parseURL(%q) = %q, %v, %q, %q, %v; want %q, %v, %q, %q", tt.url, endpoint, secure, bucket, prefix, err,
				tt.endpoint, tt.secure, tt.bucket, tt.prefix)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	endpoint, tr := fakeS3(t)
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no such bucket", testConfig(endpoint, tr, "/other")},
		{"no access key", Config{URL: endpoint + "/evidence", SecretKey: "s"}},
		{"no secret key", Config{URL: endpoint + "/evidence", AccessKey: "a"}},
		{"part too small", Config{URL: endpoint + "/evidence", AccessKey: "a", SecretKey: "s", PartSize: 1 << 20}},
	}
	for _, tt := range tests {
		if _, err := Open(context.Background(), tt.cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: Open = %v, want ErrConfig", tt.name, err)
		}
	}
}

// A file smaller than a part goes up in one PUT (no multipart upload); a
// larger one as a multipart upload. Each is then copied to its digest and
// the temporary object removed; content already stored is not copied again.
func TestRequestsPerPut(t *testing.T) {
	var mu sync.Mutex
	var requests []string
	endpoint, tr := fakeS3Seen(t, func(r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		op := r.Method
		switch q := r.URL.Query(); {
		case q.Has("uploads"):
			op += " uploads"
		case q.Has("partNumber"):
			op += " part"
		case q.Has("uploadId"):
			op += " complete"
		case r.Header.Get("X-Amz-Copy-Source") != "":
			op += " copy"
		}
		requests = append(requests, op)
	})
	b, err := Open(context.Background(), testConfig(endpoint, tr, "/evidence"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		size int
		want string
	}{
		{"small", 1000, "PUT,HEAD,PUT copy,DELETE"},
		{"small again", 1000, "PUT,HEAD,DELETE"},
		{"two parts", 6 << 20, "POST uploads,PUT part,PUT part,POST complete,HEAD,PUT copy,DELETE"},
	}
	for _, tt := range tests {
		mu.Lock()
		requests = nil
		mu.Unlock()
		if _, _, err := b.Put(context.Background(), bytes.NewReader(bytes.Repeat([]byte("证"), tt.size/3+1)[:tt.size]), 100<<20); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		mu.Lock()
		got := strings.Join(requests, ",")
		mu.Unlock()
		if got != tt.want {
			t.Errorf("%s: requests %s, want %s", tt.name, got, tt.want)
		}
	}
}

// BenchmarkPut measures a Put (temporary object, copy, removal) against
// the in-memory endpoint over TLS: the store's own cost, not a real
// network's. Each iteration stores new content.
func BenchmarkPut(b *testing.B) {
	for _, size := range []int{64 << 10, 1 << 20, 20 << 20} {
		b.Run(strconv.Itoa(size>>10)+"KiB", func(b *testing.B) {
			srv := s3test.New(b, "evidence", nil)
			bucket, err := Open(context.Background(), Config{URL: srv.URL + "/evidence", AccessKey: "a", SecretKey: "s",
				Region: "us-east-1", Transport: srv.Transport})
			if err != nil {
				b.Fatal(err)
			}
			content := bytes.Repeat([]byte{1}, size)
			b.SetBytes(int64(size))
			for i := 0; b.Loop(); i++ {
				binary.LittleEndian.PutUint64(content, uint64(i))
				if _, _, err := bucket.Put(context.Background(), bytes.NewReader(content), int64(size)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
