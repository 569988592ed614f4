// Package s3blobs is the casework.BlobStore on an S3-compatible bucket
// (MinIO, Ceph RGW, the cloud providers' object storage): evidence files
// stored content-addressed under <prefix>/ab/abcdef… in one bucket, so that
// several service nodes share them.
//
// It speaks S3 through github.com/minio/minio-go/v7: a small, well-kept
// client that works with MinIO and Ceph and knows each provider's bucket
// addressing (virtual-hosted for Aliyun OSS and AWS, path-style elsewhere).
package s3blobs

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/cailiang/cailiang/casework"
)

// ErrConfig is wrapped by Open for a bad URL, missing credentials or a
// bucket that does not exist.
var ErrConfig = errors.New("evidence bucket")

// DefaultPartSize is the multipart upload's part size: the memory one upload
// buffers, and with S3's 10 000 parts a bound of ~160 GB per file (above
// the largest evidence limit app accepts, 100 GiB).
const DefaultPartSize = 16 << 20

// maxSingleCopy is the largest object S3 copies in one CopyObject request.
const maxSingleCopy = 5 << 30

// cleanupTimeout bounds the removal of a temporary object after the
// request that created it ended.
const cleanupTimeout = time.Minute

// Config says where the bucket is and how to sign in.
type Config struct {
	// URL is the endpoint with the bucket and an optional key prefix:
	// https://s3.example.gov.cn/bucket/prefix. https means TLS.
	URL string
	// AccessKey and SecretKey sign requests (AWS signature v4). Both are
	// required: evidence holds personal data, anonymous buckets are refused.
	AccessKey, SecretKey string
	// Region is sent when set; empty asks the server (GetBucketLocation).
	Region string
	// PartSize overrides DefaultPartSize (at least 5 MiB, S3's minimum).
	PartSize uint64
	// Transport replaces the HTTP transport (tests, custom CAs); nil: minio-go's default.
	Transport http.RoundTripper
	// Logger receives warnings about temporary objects left behind.
	Logger *slog.Logger
}

// Bucket stores blobs in an S3-compatible bucket.
type Bucket struct {
	client   *minio.Client
	bucket   string
	prefix   string // "" or ending in "/"
	partSize uint64
	log      *slog.Logger
}

var _ casework.BlobStore = (*Bucket)(nil)

// Open connects to the bucket cfg names and checks that it exists. Errors:
// ErrConfig (wrapped) for a bad URL, missing credentials or a missing
// bucket; the server's or the network's otherwise; the context's.
func Open(ctx context.Context, cfg Config) (*Bucket, error) {
	endpoint, secure, bucket, prefix, err := parseURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.AccessKey == "" || cfg.SecretKey == "" {
		return nil, fmt.Errorf("%w %s: access key and secret key are required", ErrConfig, redactURL(cfg.URL))
	}
	part := cfg.PartSize
	if part == 0 {
		part = DefaultPartSize
	}
	if part < 5<<20 {
		return nil, fmt.Errorf("%w: part size %d below S3's minimum of 5 MiB", ErrConfig, part)
	}
	client, err := minio.New(endpoint, &minio.Options{
		Creds:     credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:    secure,
		Region:    cfg.Region,
		Transport: cfg.Transport,
	})
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrConfig, redactURL(cfg.URL), err)
	}
	ok, err := client.BucketExists(ctx, bucket)
	if err != nil {
		return nil, fmt.Errorf("evidence bucket %s at %s: %w", bucket, endpoint, err)
	}
	if !ok {
		return nil, fmt.Errorf("%w %s at %s: no such bucket", ErrConfig, bucket, endpoint)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Bucket{client: client, bucket: bucket, prefix: prefix, partSize: part, log: log}, nil
}

// parseURL splits https://host[:port]/bucket[/prefix…] into minio-go's
// endpoint, TLS switch, bucket and key prefix ("" or ending in "/").
func parseURL(raw string) (endpoint string, secure bool, bucket, prefix string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Parse's error quotes the URL, credentials and all.
		return "", false, "", "", fmt.Errorf("%w URL: not a URL (want https://host/bucket/prefix)", ErrConfig)
	}
	switch u.Scheme {
	case "https":
		secure = true
	case "http":
	default:
		return "", false, "", "", fmt.Errorf("%w URL %s: scheme must be https or http", ErrConfig, redactURL(raw))
	}
	if u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", false, "", "", fmt.Errorf("%w URL %s: want https://host/bucket/prefix, credentials in their own settings", ErrConfig, redactURL(raw))
	}
	bucket, prefix, _ = strings.Cut(strings.Trim(u.Path, "/"), "/")
	if bucket == "" {
		return "", false, "", "", fmt.Errorf("%w URL %s: no bucket in the path", ErrConfig, redactURL(raw))
	}
	if prefix = strings.Trim(prefix, "/"); prefix != "" {
		prefix += "/"
	}
	return u.Host, secure, bucket, prefix, nil
}

// redactURL keeps credentials someone put into the URL out of errors and logs.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Key is the object key of a blob: <prefix>ab/abcdef….
func (b *Bucket) Key(digest string) string { return b.prefix + digest[:2] + "/" + digest }

// tempKey names a fresh temporary object under <prefix>.uploads/; a
// lifecycle rule on that prefix clears uploads a crashed node left.
func (b *Bucket) tempKey() string {
	var r [16]byte
	rand.Read(r[:])
	return b.prefix + ".uploads/" + hex.EncodeToString(r[:])
}

// Put implements casework.BlobStore. The content streams (one PUT when it
// fits in a part, else multipart with one part buffered at a time) into a
// temporary object while it is hashed and counted; more than max bytes
// stops the upload, which is aborted, and returns casework.ErrTooLarge. The complete object is then copied on the
// server to its digest's key, unless that key already holds it, and the
// temporary object removed. Errors: casework.ErrInvalid for max ≤ 0,
// reading r, the server's or the network's, the context's; nothing is left
// under the digest's key on any error.
func (b *Bucket) Put(ctx context.Context, r io.Reader, max int64) (digest string, size int64, err error) {
	if max <= 0 {
		return "", 0, fmt.Errorf("evidence size limit %d: %w", max, casework.ErrInvalid)
	}
	if err := ctx.Err(); err != nil {
		return "", 0, err
	}
	src := &upload{ctx: ctx, r: r, left: max, h: sha256.New()}
	tmp := b.tempKey()
	// Most evidence (photos, records) is smaller than a part: read up to
	// one part first and send a file that ends there in one PUT of known
	// size, the rest as a multipart upload of unknown length.
	var head bytes.Buffer
	n, err := head.ReadFrom(io.LimitReader(src, int64(b.partSize)))
	opts := minio.PutObjectOptions{PartSize: b.partSize, ContentType: "application/octet-stream"}
	if err == nil && n < int64(b.partSize) {
		_, err = b.client.PutObject(ctx, b.bucket, tmp, bytes.NewReader(head.Bytes()), n, opts)
	} else if err == nil {
		_, err = b.client.PutObject(ctx, b.bucket, tmp, io.MultiReader(&head, src), -1, opts)
	}
	switch {
	case src.tooLarge:
		// Nothing was sent, or minio-go aborted the multipart upload.
		return "", 0, fmt.Errorf("evidence larger than %d bytes: %w", max, casework.ErrTooLarge)
	case src.err != nil:
		return "", 0, fmt.Errorf("evidence upload: %w", src.err)
	case err != nil:
		return "", 0, fmt.Errorf("evidence upload to bucket %s: %w", b.bucket, err)
	}
	defer b.remove(ctx, tmp)
	digest = hex.EncodeToString(src.h.Sum(nil))
	key := b.Key(digest)
	if _, err := b.client.StatObject(ctx, b.bucket, key, minio.StatObjectOptions{}); err == nil {
		// The same content is already stored: keep the one copy.
		return digest, src.n, nil
	} else if !notFound(err) {
		return "", 0, fmt.Errorf("evidence %s in bucket %s: %w", digest, b.bucket, err)
	}
	// The copy happens on the server: one request up to S3's 5 GiB limit
	// for a single copy, copied parts beyond it.
	dst := minio.CopyDestOptions{Bucket: b.bucket, Object: key}
	srcObj := minio.CopySrcOptions{Bucket: b.bucket, Object: tmp}
	if src.n <= maxSingleCopy {
		_, err = b.client.CopyObject(ctx, dst, srcObj)
	} else {
		_, err = b.client.ComposeObject(ctx, dst, srcObj)
	}
	if err != nil {
		return "", 0, fmt.Errorf("evidence %s copy in bucket %s: %w", digest, b.bucket, err)
	}
	return digest, src.n, nil
}

// remove deletes a temporary object even when ctx has ended (the request
// was cancelled after the upload), logging what it could not remove.
func (b *Bucket) remove(ctx context.Context, key string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	if err := b.client.RemoveObject(ctx, b.bucket, key, minio.RemoveObjectOptions{}); err != nil {
		b.log.Warn("evidence: temporary object left in the bucket", "bucket", b.bucket, "key", key, "err", err)
	}
}

// Open implements casework.BlobStore. ctx bounds the request that opens
// the object; the body is then read until Close, whatever becomes of ctx
// (the API streams it after its handler returned). Errors:
// casework.ErrInvalid for a digest that is not lower-case hex SHA-256,
// casework.ErrNotFound when no such blob is stored, the server's or the
// network's otherwise, the context's.
func (b *Bucket) Open(ctx context.Context, digest string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !casework.ValidDigest(digest) {
		return nil, fmt.Errorf("evidence digest %q: %w", digest, casework.ErrInvalid)
	}
	// The object's own context outlives ctx; ctx cancels it only while
	// opening.
	octx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, cancel)
	obj, err := b.client.GetObject(octx, b.bucket, b.Key(digest), minio.GetObjectOptions{})
	if err == nil {
		// GetObject is lazy: Stat makes the request, so absence shows here.
		_, err = obj.Stat()
		if !stop() {
			err = ctx.Err()
		}
		if err != nil {
			obj.Close()
		}
	}
	if err != nil {
		stop()
		cancel()
		if notFound(err) {
			return nil, fmt.Errorf("evidence %s: %w", digest, casework.ErrNotFound)
		}
		return nil, fmt.Errorf("evidence %s: %w", digest, err)
	}
	return object{obj, cancel}, nil
}

// object is an open blob; Close also releases its context.
type object struct {
	*minio.Object
	cancel context.CancelFunc
}

func (o object) Close() error {
	defer o.cancel()
	return o.Object.Close()
}

// notFound reports S3's "no such key" (and a HEAD's bare 404).
func notFound(err error) bool {
	resp := minio.ToErrorResponse(err)
	return resp.Code == "NoSuchKey" || resp.StatusCode == http.StatusNotFound && resp.Code != "NoSuchBucket"
}

// upload is the body of Put's upload: it hashes and counts what passes,
// fails the upload on the first byte beyond the limit, and stops when the
// context ends. The fields say afterwards why a failed upload failed,
// whatever minio-go made of the error.
type upload struct {
	ctx      context.Context
	r        io.Reader
	h        hash.Hash
	n, left  int64
	tooLarge bool
	err      error
}

var errTooLarge = errors.New("over the size limit")

func (u *upload) Read(p []byte) (int, error) {
	if err := u.ctx.Err(); err != nil {
		u.err = err
		return 0, err
	}
	// One byte beyond the limit tells a file of exactly max bytes from a larger one.
	if u.left < int64(len(p)) {
		p = p[:u.left+1]
	}
	n, err := u.r.Read(p)
	if int64(n) > u.left {
		u.tooLarge = true
		return 0, errTooLarge
	}
	u.h.Write(p[:n])
	u.n += int64(n)
	u.left -= int64(n)
	if err != nil && err != io.EOF {
		u.err = err
	}
	return n, err
}
