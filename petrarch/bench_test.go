package petrarch

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkConvertActors converts Phoenix.Countries.actors.txt (54,000
// lines), PETRARCH's largest actor dictionary.
func BenchmarkConvertActors(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(sharedDir(b), "reference", "petrarch2-dictionaries", "Phoenix.Countries.actors.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ConvertActors("Phoenix.Countries.actors.txt", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
