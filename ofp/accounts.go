package ofp

import (
	"net/http"
	"slices"
)

// requirePermission authenticates the bearer token and checks its consent
// grants perm; it writes the error response and returns nil otherwise.
func (s *Server) requirePermission(w http.ResponseWriter, r *http.Request, perm string) (*grant, *DataProvider) {
	g, err := s.bearer(r)
	if err != nil {
		writeOAuthError(w, err)
		return nil, nil
	}
	if !slices.Contains(g.consent.Permissions, perm) {
		writeOAuthError(w, errorf(http.StatusForbidden, "insufficient_scope", "consent %s does not grant the %s permission (granted: %v)", g.consent.ConsentID, perm, g.consent.Permissions))
		return nil, nil
	}
	dp := s.dp(g.consent.DPID)
	if dp == nil {
		writeOAuthError(w, errorf(http.StatusForbidden, "access_denied", "consent %s names no known data provider", g.consent.ConsentID))
		return nil, nil
	}
	return g, dp
}

func (s *Server) account(w http.ResponseWriter, r *http.Request, perm string) (*grant, *DataProvider, *Account) {
	g, dp := s.requirePermission(w, r, perm)
	if g == nil {
		return nil, nil, nil
	}
	id := r.PathValue("id")
	for i := range dp.Accounts {
		if dp.Accounts[i].AccountID == id {
			return g, dp, &dp.Accounts[i]
		}
	}
	writeOAuthError(w, errorf(http.StatusNotFound, "not_found", "account %q is not covered by consent %s at %s", id, g.consent.ConsentID, dp.ID))
	return nil, nil, nil
}

func meta(g *grant, dp *DataProvider) map[string]any {
	return map[string]any{"consentId": g.consent.ConsentID, "dp_id": dp.ID, "dataProvider": dp.Name}
}

func (s *Server) handleAccounts(w http.ResponseWriter, r *http.Request) {
	g, dp := s.requirePermission(w, r, "read_accounts")
	if g == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"accounts": dp.Accounts}, "meta": meta(g, dp)})
}

func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) {
	g, dp, a := s.account(w, r, "read_accounts")
	if a == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"account": a}, "meta": meta(g, dp)})
}

func (s *Server) handleBalances(w http.ResponseWriter, r *http.Request) {
	g, dp, a := s.account(w, r, "read_balances")
	if a == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"accountId": a.AccountID, "balances": []map[string]any{
		{"type": "available", "amount": a.Balance, "currency": a.Currency},
	}}, "meta": meta(g, dp)})
}

func (s *Server) handleTransactions(w http.ResponseWriter, r *http.Request) {
	g, dp, a := s.account(w, r, "read_transactions")
	if a == nil {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"accountId": a.AccountID, "transactions": a.Transactions}, "meta": meta(g, dp)})
}
