package main

import (
	"fmt"
	"net"
	"strings"

	"github.com/cailiang/cailiang/api"
)

// checkListenAddr refuses a listen address that is not loopback unless
// allowRemote: the service has no authentication yet, so on any other
// interface whoever reaches it reads and writes everything.
func checkListenAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("监听地址 %q 无效：应为“主机:端口”，如 127.0.0.1:8080", addr)
	}
	if allowRemote || loopbackHost(host) {
		return nil
	}
	return fmt.Errorf("拒绝监听 %s：这不是本机回环地址，而本服务尚未启用身份认证，能访问该地址的任何人都能查询和修改数据。"+
		"请使用 127.0.0.1 或 localhost；确需在可信网络中对外提供服务时，加 --allow-remote（或设置 CAILIANG_ALLOW_REMOTE=true），"+
		"并用 --allowed-hosts 列出访问本服务所用的域名或地址", addr)
}

// loopbackHost reports whether every address host stands for is loopback
// ("" and 0.0.0.0 are every interface).
func loopbackHost(host string) bool {
	if host == "" {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback()
	}
	ips, err := net.LookupIP(host)
	if err != nil || len(ips) == 0 {
		return false
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return false
		}
	}
	return true
}

// webConfig is serve's api.WebConfig: the allowed hosts split from their
// setting, and a rate of 0 ("no limit" on the command line) made api's
// negative.
func (o *options) webConfig() api.WebConfig {
	w := o.web
	for _, h := range strings.Split(o.allowedHosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			w.AllowedHosts = append(w.AllowedHosts, h)
		}
	}
	if w.WritesPerMinute == 0 {
		w.WritesPerMinute = -1
	}
	if w.ReadsPerMinute == 0 {
		w.ReadsPerMinute = -1
	}
	return w
}
