package ofp

import "fmt"

// DefaultClientID is the client_id of the bundled sandbox test client.
const DefaultClientID = "ofp-sandbox-dc-001"

// DefaultRedirectURI is the bundled client's registered redirect URI (any
// loopback port is accepted, so `postie run --callback-listen` can catch it).
const DefaultRedirectURI = "http://127.0.0.1:8910/callback"

// DefaultClientPublicKeyPEM is the public half of the sandbox-only client key
// shipped in examples/ofp-malaysia (the private key is in the environment
// file, as Postman users keep it). It protects nothing: never reuse it.
const DefaultClientPublicKeyPEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuF6oQmMJzWT8IHxSc0+n
hQkeFg+/gzrNQbtVQDxShNtrAJ3Xkm14yMajLlFNVXm85GeT32qX0M3iHscFl9a8
vYphq7043/wiYamhcsLqaGRAbqwd1hftRvCZoBOL+9HjPYN4L9F+Dugoyvp4zc8d
k9tV7wsnk3PUUPwFIHib81plgYyMhZywmoIYMl/m2D1MsRvFuRUa2uDNaabOYPDh
F+nFbhH90lpqXH3B7DWMS5aFw7zy/whgnxk1FFnE4MZy13Rs5dEIO2B5tg5Fc1ok
lvw3wVW/63d3aQCtKRZHgMpKBN+dJMnUhiroN3QPEtPIc+HqqjieEVqyjaOyOJj+
9wIDAQAB
-----END PUBLIC KEY-----
`

// DefaultClient returns the bundled sandbox test client registration.
func DefaultClient() (Client, error) {
	pub, err := ParsePublicKeyPEM([]byte(DefaultClientPublicKeyPEM))
	if err != nil {
		return Client{}, fmt.Errorf("ofp: default client key: %w", err)
	}
	return Client{
		ID: DefaultClientID,
		RedirectURIs: []string{
			DefaultRedirectURI,
			"https://www.auth-app.ozoneapi.co.uk/redirect-url",
		},
		PublicKey: pub,
	}, nil
}

// DefaultUsers returns the documented test users (username = password).
// The first one is the user auto-approve logs in as.
func DefaultUsers() []User {
	return []User{
		{Username: "mits", Password: "mits", Name: "Mits Tester", Subject: "psu-mits-0001"},
		{Username: "aisyah", Password: "aisyah", Name: "Nur Aisyah", Subject: "psu-aisyah-0002"},
	}
}

// DefaultDataProviders returns the sandbox data providers and their accounts.
func DefaultDataProviders() []DataProvider {
	return []DataProvider{
		{
			ID: "DP9876543210", Name: "Sandbox Bank Berhad",
			Accounts: []Account{
				{
					AccountID: "acc-1001", Name: "Everyday Savings", Type: "savings", Currency: "MYR", Number: "1234567001", Balance: "15230.55",
					Transactions: []Transaction{
						{TransactionID: "txn-1001-1", BookingDate: "2026-11-01T09:15:00+08:00", Amount: "3500.00", Currency: "MYR", CreditDebit: "Credit", Description: "Salary November"},
						{TransactionID: "txn-1001-2", BookingDate: "2026-11-03T18:42:00+08:00", Amount: "86.40", Currency: "MYR", CreditDebit: "Debit", Description: "Groceries - Pasar Mini"},
						{TransactionID: "txn-1001-3", BookingDate: "2026-11-05T12:01:00+08:00", Amount: "250.00", Currency: "MYR", CreditDebit: "Debit", Description: "DuitNow transfer"},
					},
				},
				{
					AccountID: "acc-1002", Name: "Current Account", Type: "current", Currency: "MYR", Number: "1234567002", Balance: "2048.00",
					Transactions: []Transaction{
						{TransactionID: "txn-1002-1", BookingDate: "2026-11-02T10:00:00+08:00", Amount: "120.00", Currency: "MYR", CreditDebit: "Debit", Description: "Electricity bill"},
					},
				},
			},
		},
		{
			ID: "DP9876543211", Name: "Contoh Islamic Bank",
			Accounts: []Account{
				{
					AccountID: "acc-2001", Name: "Wadiah Savings", Type: "savings", Currency: "MYR", Number: "9876543001", Balance: "8800.10",
					Transactions: []Transaction{
						{TransactionID: "txn-2001-1", BookingDate: "2026-11-04T08:30:00+08:00", Amount: "1000.00", Currency: "MYR", CreditDebit: "Credit", Description: "Transfer in"},
						{TransactionID: "txn-2001-2", BookingDate: "2026-11-06T20:10:00+08:00", Amount: "45.90", Currency: "MYR", CreditDebit: "Debit", Description: "Online purchase"},
					},
				},
			},
		},
	}
}
