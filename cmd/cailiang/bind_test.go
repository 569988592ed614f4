package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/api"
)

func TestCheckListenAddr(t *testing.T) {
	tests := []struct {
		addr        string
		allowRemote bool
		ok          bool
	}{
		{"127.0.0.1:8080", false, true},
		{"localhost:8080", false, true},
		{"[::1]:8080", false, true},
		{"127.0.0.1:0", false, true},
		{"0.0.0.0:8080", false, false},
		{":8080", false, false},
		{"[::]:8080", false, false},
		{"192.0.2.10:8080", false, false},
		{"0.0.0.0:8080", true, true},
		{":8080", true, true},
		{"8080", false, false},
	}
	for _, tt := range tests {
		err := checkListenAddr(tt.addr, tt.allowRemote)
		if (err == nil) != tt.ok {
			t.Errorf("checkListenAddr(%q, %v) = %v; want ok=%v", tt.addr, tt.allowRemote, err, tt.ok)
		}
	}
}

// TestServeRefusesRemoteBind checks that serve on every interface stops
// before it opens anything, in Chinese, naming the override.
func TestServeRefusesRemoteBind(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	_, _, err := cli(t, "", "serve", "--data", data, "--addr", "0.0.0.0:0")
	if err == nil || !strings.Contains(err.Error(), "尚未启用身份认证") || !strings.Contains(err.Error(), "--allow-remote") {
		t.Fatalf("serve --addr 0.0.0.0:0: %v; want a refusal naming authentication and --allow-remote", err)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("refused serve touched the data directory: %v", err)
	}
}

func TestWebConfigFromSettings(t *testing.T) {
	o := options{allowedHosts: " cailiang.example.gov.cn, ,10.0.0.5:8080", web: api.WebConfig{WritesPerMinute: 0, ReadsPerMinute: 30, LimitLoopback: true}}
	want := api.WebConfig{AllowedHosts: []string{"cailiang.example.gov.cn", "10.0.0.5:8080"}, WritesPerMinute: -1, ReadsPerMinute: 30, LimitLoopback: true}
	if got := o.webConfig(); !reflect.DeepEqual(got, want) {
		t.Errorf("webConfig() = %+v; want %+v", got, want)
	}
}
