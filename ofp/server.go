// Package ofp is an embedded Open Finance Malaysia style sandbox
// authorization server: FAPI-flavoured OAuth 2 with pushed authorization
// requests, private_key_jwt client authentication, PKCE, signed request
// objects, a browser login/consent flow and a small accounts API.
//
// It is a test double for running the bundled example collection
// (examples/ofp-malaysia) locally; it is not a production server.
package ofp

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwk"
)

// Lifetimes and limits enforced by the server.
const (
	RequestURILifetime    = 90 * time.Second // PAR request_uri expires_in
	CodeLifetime          = 60 * time.Second // authorization code
	AccessTokenLifetime   = 10 * time.Minute
	RefreshTokenLifetime  = 24 * time.Hour
	MaxRequestObjectLife  = 60 * time.Minute // exp - nbf of a request object
	MaxAssertionLifetime  = 60 * time.Minute // exp - iat of a client assertion
	ClockSkew             = 30 * time.Second
	RequestURIPrefix      = "urn:ietf:params:oauth:request_uri:"
	ConsentIDPrefix       = "urn:ofp:consent:"
	ClientAssertionType   = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
	AuthorizationDetailsT = "account_information" // the authorization_details type the server accepts
)

// Permissions a consent may grant.
var Permissions = []string{"read_accounts", "read_transactions", "read_balances"}

// Scopes the server supports.
var Scopes = []string{"openid", "accounts", "profile"}

// Client is a registered client (data consumer).
type Client struct {
	ID string
	// RedirectURIs are the registered redirect URIs. A loopback http URI
	// (127.0.0.1, [::1] or localhost) matches any port, as RFC 8252 allows.
	RedirectURIs []string
	// PublicKey verifies the client's PS256 assertions and request objects.
	PublicKey *rsa.PublicKey
}

// User is a test user of the login page.
type User struct {
	Username, Password, Name, Subject string
}

// DataProvider is a bank whose accounts a consent can cover.
type DataProvider struct {
	ID, Name string
	Accounts []Account
}

// Account is one account of a data provider with its balance and transactions.
type Account struct {
	AccountID    string        `json:"accountId"`
	Name         string        `json:"name"`
	Type         string        `json:"type"`
	Currency     string        `json:"currency"`
	Number       string        `json:"accountNumber"`
	Balance      string        `json:"-"`
	Transactions []Transaction `json:"-"`
}

// Transaction is one account transaction.
type Transaction struct {
	TransactionID string `json:"transactionId"`
	BookingDate   string `json:"bookingDateTime"`
	Amount        string `json:"amount"`
	Currency      string `json:"currency"`
	CreditDebit   string `json:"creditDebitIndicator"`
	Description   string `json:"description"`
}

// Config configures a Server. The zero value gives the default sandbox:
// the bundled test client, test users and data providers.
type Config struct {
	// Issuer is the issuer URL. Empty: set by Start from the listener, or
	// derived from each request's Host when used as a plain http.Handler.
	Issuer string
	// Clients replaces the default registered client when non-empty.
	Clients []Client
	// Users replaces the default test users when non-empty.
	Users []User
	// DataProviders replaces the default data providers when non-empty.
	DataProviders []DataProvider
	// AutoApprove makes GET /authorize log in as the first test user, pick the
	// first data provider when the consent names none, approve and redirect
	// at once: the mode for headless demos and CI. Off by default.
	AutoApprove bool
	// SigningKey signs id_tokens; nil generates a 2048-bit key.
	SigningKey *rsa.PrivateKey
	// TLS serves HTTPS from Start when non-nil (see GenerateTLS).
	TLS *tls.Config
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logf logs requests and decisions; nil is silent.
	Logf func(format string, args ...any)
}

// Server is the sandbox authorization server. It is an http.Handler and is
// safe for concurrent use.
type Server struct {
	cfg     Config
	clients map[string]*Client
	users   map[string]*User
	dps     []DataProvider
	key     *rsa.PrivateKey
	kid     string
	jwks    []byte
	mux     *http.ServeMux

	mu       sync.Mutex
	issuer   string // set by Start when cfg.Issuer is empty
	jtis     map[string]time.Time
	pars     map[string]*parRequest
	sessions map[string]*session
	codes    map[string]*authCode
	access   map[string]*grant
	refresh  map[string]*grant

	httpSrv  *http.Server
	listener net.Listener
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if len(cfg.Clients) == 0 {
		c, err := DefaultClient()
		if err != nil {
			return nil, err
		}
		cfg.Clients = []Client{c}
	}
	if len(cfg.Users) == 0 {
		cfg.Users = DefaultUsers()
	}
	if len(cfg.DataProviders) == 0 {
		cfg.DataProviders = DefaultDataProviders()
	}
	s := &Server{
		cfg:      cfg,
		clients:  map[string]*Client{},
		users:    map[string]*User{},
		dps:      cfg.DataProviders,
		jtis:     map[string]time.Time{},
		pars:     map[string]*parRequest{},
		sessions: map[string]*session{},
		codes:    map[string]*authCode{},
		access:   map[string]*grant{},
		refresh:  map[string]*grant{},
	}
	for i := range cfg.Clients {
		c := &cfg.Clients[i]
		if c.ID == "" || c.PublicKey == nil {
			return nil, fmt.Errorf("ofp: client %d: id and public key are required", i)
		}
		s.clients[c.ID] = c
	}
	for i := range cfg.Users {
		s.users[cfg.Users[i].Username] = &cfg.Users[i]
	}
	s.key = cfg.SigningKey
	if s.key == nil {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, fmt.Errorf("ofp: generating signing key: %w", err)
		}
		s.key = k
	}
	pub, err := jwk.Import(&s.key.PublicKey)
	if err != nil {
		return nil, fmt.Errorf("ofp: importing signing key: %w", err)
	}
	tp, err := pub.Thumbprint(crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("ofp: signing key thumbprint: %w", err)
	}
	s.kid = base64.RawURLEncoding.EncodeToString(tp)
	_ = pub.Set(jwk.KeyIDKey, s.kid)
	_ = pub.Set(jwk.AlgorithmKey, jwa.PS256())
	_ = pub.Set(jwk.KeyUsageKey, "sig")
	set := jwk.NewSet()
	_ = set.AddKey(pub)
	if s.jwks, err = json.Marshal(set); err != nil {
		return nil, fmt.Errorf("ofp: encoding jwks: %w", err)
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /.well-known/openid-configuration", s.handleDiscovery)
	m.HandleFunc("GET /jwks", s.handleJWKS)
	m.HandleFunc("POST /par", s.handlePAR)
	m.HandleFunc("GET /authorize", s.handleAuthorize)
	m.HandleFunc("POST /authorize", s.handleAuthorizeStep)
	m.HandleFunc("POST /token", s.handleToken)
	m.HandleFunc("POST /revoke", s.handleRevoke)
	m.HandleFunc("GET /userinfo", s.handleUserinfo)
	m.HandleFunc("GET /accounts", s.handleAccounts)
	m.HandleFunc("GET /accounts/{id}", s.handleAccount)
	m.HandleFunc("GET /accounts/{id}/balances", s.handleBalances)
	m.HandleFunc("GET /accounts/{id}/transactions", s.handleTransactions)
	m.HandleFunc("GET /{$}", s.handleIndex)
	s.mux = m
}

// ServeHTTP serves the sandbox endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Logf != nil {
		s.cfg.Logf("%s %s", r.Method, r.URL.Path)
	}
	s.mux.ServeHTTP(w, r)
}

// Start listens on addr (a loopback address such as "127.0.0.1:0") and
// serves in the background until Close. It sets the issuer to the
// listener's URL unless Config.Issuer is set.
func (s *Server) Start(ctx context.Context, addr string) error {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("ofp: listening on %s: %w", addr, err)
	}
	scheme := "http"
	if s.cfg.TLS != nil {
		ln = tls.NewListener(ln, s.cfg.TLS)
		scheme = "https"
	}
	s.mu.Lock()
	s.listener = ln
	if s.cfg.Issuer == "" {
		s.issuer = scheme + "://" + ln.Addr().String()
	}
	s.httpSrv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(discard{}, "", 0)}
	srv := s.httpSrv
	s.mu.Unlock()
	go func() { _ = srv.Serve(ln) }()
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// URL returns the base URL the server was started on ("" before Start).
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener == nil {
		return ""
	}
	if s.cfg.TLS != nil {
		return "https://" + s.listener.Addr().String()
	}
	return "http://" + s.listener.Addr().String()
}

// Close stops a started server.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.httpSrv
	s.httpSrv = nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return srv.Close()
	}
	return nil
}

// issuerFor returns the issuer URL for a request.
func (s *Server) issuerFor(r *http.Request) string {
	if s.cfg.Issuer != "" {
		return strings.TrimRight(s.cfg.Issuer, "/")
	}
	s.mu.Lock()
	iss := s.issuer
	s.mu.Unlock()
	if iss != "" {
		return iss
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// SigningPublicKey returns the key that verifies the server's id_tokens.
func (s *Server) SigningPublicKey() *rsa.PublicKey { return &s.key.PublicKey }

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	iss := s.issuerFor(r)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "postie OFP Malaysia sandbox authorization server (test double; sandbox keys only)\n\ndiscovery: %s/.well-known/openid-configuration\n", iss)
}

func (s *Server) handleDiscovery(w http.ResponseWriter, r *http.Request) {
	iss := s.issuerFor(r)
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                           iss,
		"authorization_endpoint":                           iss + "/authorize",
		"token_endpoint":                                   iss + "/token",
		"pushed_authorization_request_endpoint":            iss + "/par",
		"require_pushed_authorization_requests":            true,
		"revocation_endpoint":                              iss + "/revoke",
		"userinfo_endpoint":                                iss + "/userinfo",
		"jwks_uri":                                         iss + "/jwks",
		"response_types_supported":                         []string{"code"},
		"response_modes_supported":                         []string{"query"},
		"grant_types_supported":                            []string{"authorization_code", "refresh_token"},
		"subject_types_supported":                          []string{"public"},
		"token_endpoint_auth_methods_supported":            []string{"private_key_jwt"},
		"token_endpoint_auth_signing_alg_values_supported": []string{"PS256"},
		"revocation_endpoint_auth_methods_supported":       []string{"private_key_jwt"},
		"request_object_signing_alg_values_supported":      []string{"PS256"},
		"id_token_signing_alg_values_supported":            []string{"PS256"},
		"code_challenge_methods_supported":                 []string{"S256"},
		"scopes_supported":                                 Scopes,
		"claims_supported":                                 []string{"sub", "name", "auth_time", "nonce", "s_hash", "at_hash"},
		"authorization_details_types_supported":            []string{AuthorizationDetailsT},
		"request_parameter_supported":                      true,
		"request_uri_parameter_supported":                  true,
		"tls_client_certificate_bound_access_tokens":       s.cfg.TLS != nil,
		"authorization_response_iss_parameter_supported":   false,
		"x_ofp_permissions_supported":                      Permissions,
		"x_ofp_data_providers":                             s.dpIDs(),
	})
}

func (s *Server) dpIDs() []string {
	ids := make([]string, len(s.dps))
	for i, d := range s.dps {
		ids[i] = d.ID
	}
	return ids
}

func (s *Server) dp(id string) *DataProvider {
	for i := range s.dps {
		if s.dps[i].ID == id {
			return &s.dps[i]
		}
	}
	return nil
}

func (s *Server) handleJWKS(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(s.jwks)
}

// oauthError is an OAuth error response.
type oauthError struct {
	Status      int    `json:"-"`
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *oauthError) Error() string { return e.Code + ": " + e.Description }

func errorf(status int, code, format string, args ...any) *oauthError {
	return &oauthError{Status: status, Code: code, Description: fmt.Sprintf(format, args...)}
}

func writeOAuthError(w http.ResponseWriter, err error) {
	var oe *oauthError
	if !errors.As(err, &oe) {
		oe = errorf(http.StatusInternalServerError, "server_error", "%v", err)
	}
	if oe.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer error=%q, error_description=%q`, oe.Code, oe.Description))
	}
	writeJSON(w, oe.Status, oe)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func randomToken(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func s256(v string) string {
	h := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

// ParsePublicKeyPEM parses an RSA public key from a PEM "PUBLIC KEY" block
// (or the public half of a private key PEM).
func ParsePublicKeyPEM(data []byte) (*rsa.PublicKey, error) {
	for {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			return nil, errors.New("ofp: no RSA key in PEM data")
		}
		switch blk.Type {
		case "PUBLIC KEY":
			k, err := x509.ParsePKIXPublicKey(blk.Bytes)
			if err != nil {
				return nil, fmt.Errorf("ofp: parsing public key: %w", err)
			}
			if rk, ok := k.(*rsa.PublicKey); ok {
				return rk, nil
			}
			return nil, errors.New("ofp: public key is not RSA")
		case "PRIVATE KEY", "RSA PRIVATE KEY":
			k, err := ParsePrivateKeyPEM(pem.EncodeToMemory(blk))
			if err != nil {
				return nil, err
			}
			return &k.PublicKey, nil
		}
	}
}

// ParsePrivateKeyPEM parses an RSA private key from PKCS#8 or PKCS#1 PEM.
func ParsePrivateKeyPEM(data []byte) (*rsa.PrivateKey, error) {
	blk, _ := pem.Decode(data)
	if blk == nil {
		return nil, errors.New("ofp: no PEM block in private key data")
	}
	if k, err := x509.ParsePKCS1PrivateKey(blk.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("ofp: parsing private key: %w", err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("ofp: private key is not RSA")
	}
	return rk, nil
}
