package collections

import "github.com/postie-run/postie/environments"

type environmentsVariable = environments.Variable
