package main

import (
	"errors"
	"fmt"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/boltstore"
)

// auditReport is what `audit verify` prints: the verification report and
// the key it checked signatures with.
type auditReport struct {
	casework.Report
	KeyID string `json:"key_id"`
	OK    bool   `json:"ok"`
	// Error names the first entry that does not verify.
	Error string `json:"error,omitempty"`
}

// runAudit verifies the full-process record, or signs a checkpoint now.
func runAudit(e *runEnv) error {
	if len(e.args.pos) != 1 || (e.args.pos[0] != "verify" && e.args.pos[0] != "checkpoint") {
		return fmt.Errorf("audit verify|checkpoint: %w", errUsage)
	}
	verify := e.args.pos[0] == "verify"
	if !verify {
		// The running service signs checkpoints itself, and holds the store.
		if err := e.refuseServed("audit checkpoint"); err != nil {
			return err
		}
	}
	cw, err := app.OpenCasework(e.opts.app, verify)
	if errors.Is(err, boltstore.ErrBusy) {
		return fmt.Errorf("数据目录 %s 的案件记录正被另一个 cailiang 进程（如 serve）使用：请先停止它再执行 audit %s: %w", e.opts.app.DataDir, e.args.pos[0], err)
	}
	if err != nil {
		return err
	}
	defer cw.Close()
	if !verify {
		cp, created, err := cw.Checkpoint(e.ctx)
		if err != nil {
			return auditFailed(err)
		}
		return e.print(map[string]any{"created": created, "checkpoint": cp})
	}
	rep, err := cw.Verify(e.ctx)
	out := auditReport{Report: rep, KeyID: casework.KeyID(cw.PublicKey()), OK: err == nil}
	if err != nil {
		out.Error = err.Error()
	}
	if perr := e.print(out); perr != nil {
		return perr
	}
	if err != nil {
		return auditFailed(err)
	}
	return nil
}

// auditFailed says in Chinese which entry failed.
func auditFailed(err error) error {
	var ce *casework.ChainError
	if errors.As(err, &ce) {
		return fmt.Errorf("全过程记录校验失败：第 %d 条记录起不可信（被修改、删除、插入、调换或改写）: %w", ce.Seq, err)
	}
	return err
}
