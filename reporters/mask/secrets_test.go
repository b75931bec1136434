package mask_test

import (
	"reflect"
	"testing"

	"github.com/postie-run/postie/environments"
	"github.com/postie-run/postie/reporters/mask"
)

// TestSecrets: only values of variables of type "secret" (any case) are
// collected, from the environment, the globals and the collection.
func TestSecrets(t *testing.T) {
	file := func(vs ...*environments.Variable) *environments.File {
		return &environments.File{Values: environments.NewList(vs...)}
	}
	tests := []struct {
		name         string
		env, globals *environments.File
		coll         []*environments.Variable
		want         []string
	}{
		{"none", nil, nil, nil, nil},
		{"all scopes", file(&environments.Variable{Key: "a", Value: "env-s", Type: "secret"}, &environments.Variable{Key: "b", Value: "plain", Type: "default"}),
			file(&environments.Variable{Key: "g", Value: "glob-s", Type: "Secret"}),
			[]*environments.Variable{{Key: "c", Value: "coll-s", Type: "secret"}, {Key: "d", Value: "x"}},
			[]string{"env-s", "glob-s", "coll-s"}},
		{"file without values", &environments.File{}, nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mask.Secrets(tc.env, tc.globals, tc.coll); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Secrets = %q, want %q", got, tc.want)
			}
		})
	}
}
