package sentence

import (
	"os"
	"strings"
	"testing"

	"github.com/dyadproject/dyad"
)

// BenchmarkSplit splits about 1 MB of wire copy (testdata/wire.txt
// repeated) and reports bytes/s and sentences/s.
func BenchmarkSplit(b *testing.B) {
	raw, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(raw), 1<<20/len(raw)+1)
	s := New(Config{})
	n := len(s.Append(nil, text))
	buf := make([]dyad.Sentence, 0, n)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		buf = s.Append(buf[:0], text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
