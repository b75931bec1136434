package jsonreport

import (
	"net"
	"strconv"
	"strings"
)

// SystemError is a request error as newman's report shows it: the
// enumerable properties of Node's error (errno, code, syscall, address,
// port or hostname; code and connect for a timeout). Its name and message
// are not enumerable, so they are not shown, except for errors postie
// cannot describe that way.
type SystemError struct {
	NodeError
	Name    string `json:"name,omitempty"`
	Message string `json:"message,omitempty"`
}

// NodeError holds the enumerable properties of Node's error for a failed
// request, as the report shows them in a request error and its failure.
type NodeError struct {
	Errno    *int   `json:"errno,omitempty"`
	Code     string `json:"code,omitempty"`
	Syscall  string `json:"syscall,omitempty"`
	Address  string `json:"address,omitempty"`
	Port     *int   `json:"port,omitempty"`
	Hostname string `json:"hostname,omitempty"`
	Connect  *bool  `json:"connect,omitempty"`
}

// libuv's (negative) errno values on Linux, as Node reports them.
var errnos = map[string]int{
	"ECONNREFUSED": -111, "ECONNRESET": -104, "ETIMEDOUT": -110, "EHOSTUNREACH": -113, "ENOTFOUND": -3008,
}

// systemError describes a request error message (in newman's wording) as
// Node's error object; ok is false for messages it does not know.
func systemError(msg string) (SystemError, bool) {
	if msg == "ESOCKETTIMEDOUT" {
		no := false
		return SystemError{NodeError: NodeError{Code: msg, Connect: &no}}, true
	}
	if msg == "socket hang up" {
		return SystemError{NodeError: NodeError{Code: "ECONNRESET"}}, true
	}
	f := strings.Fields(msg)
	if len(f) < 2 {
		return SystemError{}, false
	}
	errno, known := errnos[f[1]]
	if !known {
		return SystemError{}, false
	}
	e := SystemError{NodeError: NodeError{Errno: &errno, Code: f[1], Syscall: f[0]}}
	switch {
	case f[0] == "getaddrinfo" && len(f) == 3:
		e.Hostname = f[2]
	case f[0] == "connect" && len(f) == 3:
		host, port, err := net.SplitHostPort(f[2])
		p, perr := strconv.Atoi(port)
		if err != nil || perr != nil {
			return SystemError{}, false
		}
		e.Address, e.Port = host, &p
	case len(f) != 2:
		return SystemError{}, false
	}
	return e, true
}
