package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ServiceFile is the file in the data directory where a running `cailiang
// serve` says where it listens, so that other commands on the same data
// directory can go through it instead of waiting for its lock.
const ServiceFile = "service.json"

// Service describes a running service.
type Service struct {
	// PID is the serving process.
	PID int `json:"pid"`
	// Addr is the address it listens on (host:port).
	Addr string `json:"addr"`
	// Version is the binary's version.
	Version string `json:"version"`
	// Started is when it began listening (RFC 3339).
	Started string `json:"started"`
}

// AnnounceService records s in dataDir's ServiceFile and returns a function
// that removes the record (call it when the service stops). It returns an
// error when the file cannot be written.
func AnnounceService(dataDir string, s Service) (func(), error) {
	if s.Started == "" {
		s.Started = time.Now().UTC().Format(time.RFC3339)
	}
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("announce service: %w", err)
	}
	path := filepath.Join(dataDir, ServiceFile)
	if err := writeFileSynced(path, raw); err != nil {
		return nil, fmt.Errorf("announce service: %w", err)
	}
	return func() {
		// Only our own record: a later service may have replaced it.
		if cur, err := readService(path); err == nil && cur.PID == s.PID && cur.Addr == s.Addr {
			os.Remove(path)
		}
	}, nil
}

// RunningService returns the service announced in dataDir when its process
// is still alive; a record left by a process that died is ignored. ok is
// false when there is none.
func RunningService(dataDir string) (s Service, ok bool) {
	s, err := readService(filepath.Join(dataDir, ServiceFile))
	if err != nil || s.PID <= 0 || s.Addr == "" {
		return Service{}, false
	}
	// Signal 0 checks that the process exists without touching it; EPERM
	// means it exists under another user.
	if err := syscall.Kill(s.PID, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return Service{}, false
	}
	return s, true
}

func readService(path string) (Service, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Service{}, err
	}
	var s Service
	if err := json.Unmarshal(raw, &s); err != nil {
		return Service{}, fmt.Errorf("%s: %w", path, fs.ErrInvalid)
	}
	return s, nil
}
