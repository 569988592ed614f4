package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/boltstore"
)

// userFlags are the flags of `cailiang user`.
func userFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.StringVar(&a.userName, "name", "", "the person's name (add)")
	fs.StringVar(&a.agency, "agency", "", "agency code, e.g. scjg (add; officers, reviewers and leaders need one)")
	fs.StringVar(&a.roles, "role", "", "roles, comma separated: officer, reviewer, leader, trainer, admin (add)")
	fs.StringVar(&a.cert, "cert", "", "the officer's enforcement certificate number, 执法证号 (add, cert)")
	fs.BoolVar(&a.passwordStdin, "password-stdin", false, "read the password from the first line of stdin instead of generating one (add)")
	fs.DurationVar(&a.ttl, "ttl", 0, "token lifetime, e.g. 720h; 0 never expires (token)")
}

// openCasework opens the workbench's records for command what: with the
// embedded store, never while a service holds it (it is one process's
// file); PostgreSQL serves every node and command at once.
func (e *runEnv) openCasework(what string, readOnly bool) (*app.Casework, error) {
	if strings.TrimSpace(e.opts.app.PGDSN) == "" {
		if err := e.refuseServed(what); err != nil {
			return nil, err
		}
	}
	cw, err := app.OpenCasework(e.opts.app, readOnly)
	if errors.Is(err, boltstore.ErrBusy) {
		return nil, fmt.Errorf("数据目录 %s 的案件记录正被另一个 cailiang 进程使用：请等它结束后再执行 %s: %w", e.opts.app.DataDir, what, err)
	}
	return cw, err
}

// runUser administers the workbench's users as the operator of the data
// directory (casework.Operator): whoever may run the binary on it owns its
// records, as with a database file. With the embedded store it refuses
// while serve holds the directory, as import does; with PostgreSQL
// (--pg) it works beside running services.
func runUser(e *runEnv) error {
	pos := e.args.pos
	usage := fmt.Errorf("user add|list|disable|enable|cert|token|reset-password [ID]: %w", errUsage)
	if len(pos) == 0 {
		return usage
	}
	sub, id := pos[0], ""
	switch {
	case sub == "list" && len(pos) == 1:
	case sub != "list" && len(pos) == 2:
		id = pos[1]
	default:
		return usage
	}
	cw, err := e.openCasework("user "+sub, sub == "list")
	if err != nil {
		return err
	}
	defer cw.Close()
	svc, op := cw.Service, casework.Operator()
	switch sub {
	case "add":
		return e.userAdd(svc, op, id)
	case "list":
		users, err := svc.Users(e.ctx, op)
		if err != nil {
			return err
		}
		if users == nil {
			users = []casework.User{}
		}
		return e.print(users)
	case "disable", "enable":
		if err := svc.SetUserDisabled(e.ctx, op, id, sub == "disable"); err != nil {
			return err
		}
		return e.print(map[string]any{"id": id, "disabled": sub == "disable"})
	case "cert":
		u, err := svc.SetUserCert(e.ctx, op, id, strings.TrimSpace(e.args.cert))
		if err != nil {
			return err
		}
		return e.print(map[string]any{"user": u})
	case "token":
		if e.args.ttl < 0 {
			return fmt.Errorf("user token --ttl %s: 应为非负的时长: %w", e.args.ttl, errUsage)
		}
		token, err := svc.IssueToken(e.ctx, op, id, e.args.ttl)
		if err != nil {
			return err
		}
		out := map[string]any{"user": id, "token": token}
		if e.args.ttl > 0 {
			out["expires"] = time.Now().Add(e.args.ttl).UTC()
		}
		return e.print(out)
	case "reset-password":
		password, err := svc.ResetPassword(e.ctx, op, id)
		if err != nil {
			return err
		}
		return e.print(map[string]string{"user": id, "password": password})
	}
	return usage
}

// userAdd adds a user with the flags' name, agency and roles, and prints
// the password when it was generated.
func (e *runEnv) userAdd(svc *casework.Service, op casework.User, id string) error {
	u := casework.User{ID: id, Name: e.args.userName, Agency: e.args.agency, CertNumber: strings.TrimSpace(e.args.cert)}
	for _, r := range strings.Split(e.args.roles, ",") {
		if r = strings.TrimSpace(r); r == "" {
			continue
		}
		role, err := casework.ParseRole(r)
		if err != nil {
			return fmt.Errorf("user add --role %q: 应为 officer、reviewer、leader、trainer、admin: %w", r, errUsage)
		}
		u.Roles = append(u.Roles, role)
	}
	if len(u.Roles) == 0 {
		return fmt.Errorf("user add %s --role officer[,reviewer…]: 至少需要一个角色: %w", id, errUsage)
	}
	password := ""
	if e.args.passwordStdin {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && line == "" {
			return fmt.Errorf("user add --password-stdin: 标准输入中没有密码: %w", errUsage)
		}
		password = strings.TrimRight(line, "\r\n")
	}
	added, generated, err := svc.AddUser(e.ctx, op, u, password)
	if err != nil {
		return err
	}
	out := map[string]any{"user": added}
	if password == "" {
		out["password"] = generated
	}
	return e.print(out)
}

// firstAdmin creates the first admin when the workbench has no user yet and
// prints, once, how to sign in: nothing is writable anonymously, so the
// operator needs this to start.
func (e *runEnv) firstAdmin(ctx context.Context, svc *casework.Service, addr string) error {
	id, password, created, err := svc.EnsureAdmin(ctx)
	if err != nil {
		return fmt.Errorf("首个管理员: %w", err)
	}
	if !created {
		return nil
	}
	e.log.Info("first admin created", "user", id)
	_, err = fmt.Fprintf(e.stderr, `
首个管理员已创建（密码只显示这一次，请妥善保存）：
  网址    http://%s/workbench
  用户名  %s
  密码    %s
添加用户：cailiang user add ID --name 姓名 --agency 机关代码 --role officer（服务停止后执行）；
或登录后 POST /v1/users。忘记密码：cailiang user reset-password %s

`, addr, id, password, id)
	return err
}
