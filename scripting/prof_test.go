package scripting

import (
	"context"
	"os"
	"testing"

	"github.com/dop251/goja"
)

func TestJSProfile(t *testing.T) {
	if os.Getenv("JSPROF") == "" {
		t.Skip()
	}
	s := New(Options{})
	ex := newExec("test")
	src := Script{Source: os.Getenv("JSPROF")}
	s.Run(context.Background(), src, ex)
	f, _ := os.Create("/tmp/js.prof")
	goja.StartProfile(f)
	for i := 0; i < 3000; i++ {
		s.Run(context.Background(), src, ex)
	}
	goja.StopProfile()
	f.Close()
}
