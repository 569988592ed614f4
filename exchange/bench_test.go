package exchange_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
)

// BenchmarkRead measures reading (and validating against the schema) a
// file of 2,000 records, the most one API import body holds, in each format.
func BenchmarkRead(b *testing.B) {
	base := records()[0]
	rs := make([]casework.SharedRecord, 2000)
	for i := range rs {
		r := base
		r.CaseID = fmt.Sprintf("scjg-2025-%06d", i+1)
		r.Key = "scjg/" + r.CaseID
		r.Decision.Fine = float64(1000 + i)
		r.Digest = r.ContentDigest()
		rs[i] = r
	}
	for _, format := range []string{exchange.JSONL, exchange.CSV} {
		var buf bytes.Buffer
		if err := exchange.Write(&buf, format, rs); err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				got, err := exchange.Read(bytes.NewReader(buf.Bytes()), format)
				if err != nil || len(got) != len(rs) {
					b.Fatalf("Read: %d, %v", len(got), err)
				}
			}
			b.ReportMetric(float64(len(rs))*float64(b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}
