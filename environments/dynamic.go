package environments

// Dynamics generates Postman's dynamic variables ({{$guid}}, {{$timestamp}},
// {{$isoTimestamp}}, {{$randomInt}}, {{$randomUUID}} and the $random... faker
// set). Each run owns one; it is safe for concurrent use.
type Dynamics struct{}

// NewDynamics returns a generator; seed 0 means random.
func NewDynamics(seed int64) *Dynamics { panic("not implemented") }

// Value returns a fresh value for the dynamic variable name (with the "$"),
// and false when name is not a known dynamic variable.
func (d *Dynamics) Value(name string) (string, bool) { panic("not implemented") }

// Names returns every supported dynamic variable name, sorted.
func (d *Dynamics) Names() []string { panic("not implemented") }
