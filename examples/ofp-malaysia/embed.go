// Package ofpmalaysia bundles the "OFP Malaysia - PAR browser redirect flow"
// example collection and its sandbox environment (used by `postie demo`).
// The private key in the environment is a sandbox-only test key.
package ofpmalaysia

import (
	_ "embed"
	"fmt"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// File names of the bundled collection and environment.
const (
	CollectionFile  = "OFP Malaysia - PAR browser redirect flow.postman_collection.json"
	EnvironmentFile = "OFP Malaysia - Sandbox.postman_environment.json"
)

// Names of the collection's requests, in order.
const (
	ItemDiscovery    = "10 - DC -> OFP: GET /.well-known/openid-configuration"
	ItemSetContext   = "20 - Set Context [Postman only]"
	ItemSignJWT      = "30 - Sign private_key_jwt [Utility]"
	ItemSignPAR      = "40 - Sign PAR request [Utility]"
	ItemPAR          = "50 - DC -> OFP: POST /par"
	ItemToken        = "60 - DC -> OFP: POST /token [Auth-code Grant]"
	ItemAccounts     = "70 - DC -> OFP: GET /accounts"
	ItemBalances     = "80 - DC -> OFP: GET /accounts/{id}/balances"
	ItemTransactions = "90 - DC -> OFP: GET /accounts/{id}/transactions"
	ItemRefresh      = "100 - DC -> OFP: POST /token [Refresh Grant]"
)

//go:embed "OFP Malaysia - PAR browser redirect flow.postman_collection.json"
var collectionJSON []byte

//go:embed "OFP Malaysia - Sandbox.postman_environment.json"
var environmentJSON []byte

// Load parses fresh copies of the bundled collection and environment.
func Load() (*collections.Collection, *environments.File, error) {
	c, err := collections.Parse(collectionJSON, CollectionFile)
	if err != nil {
		return nil, nil, fmt.Errorf("bundled collection: %w", err)
	}
	e, err := environments.ParseFile(environmentJSON, EnvironmentFile)
	if err != nil {
		return nil, nil, fmt.Errorf("bundled environment: %w", err)
	}
	return c, e, nil
}
