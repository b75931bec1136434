package environments

// Word lists for the dynamic variables that need names, words or reference
// data. They are written for postie: common English names and words, Latin
// words of the public-domain lorem-ipsum text, and factual reference data
// (ISO 3166 country names, ISO 4217 currencies, IANA media types). Every list
// is a slice literal of constant strings, which the compiler lays out in the
// binary: they cost nothing at package init.

// firstNames are common English given names.
var firstNames = []string{
	"Aaron", "Abigail", "Adam", "Adrian", "Aiden", "Alan", "Albert", "Alexander", "Alexis", "Alice",
	"Alicia", "Allison", "Amanda", "Amber", "Amelia", "Amy", "Andrea", "Andrew", "Angela", "Anna",
	"Anthony", "Ashley", "Audrey", "Austin", "Ava", "Barbara", "Benjamin", "Bethany", "Beverly", "Blake",
	"Brandon", "Brenda", "Brian", "Brittany", "Brooke", "Bruce", "Bryan", "Caleb", "Cameron", "Carl",
	"Carol", "Caroline", "Catherine", "Charles", "Charlotte", "Chloe", "Christian", "Christina", "Christopher", "Claire",
	"Cody", "Colin", "Connor", "Craig", "Cynthia", "Daniel", "Danielle", "David", "Deborah", "Dennis",
	"Diana", "Diane", "Donald", "Donna", "Dorothy", "Douglas", "Dylan", "Edward", "Eleanor", "Elijah",
	"Elizabeth", "Ella", "Emily", "Emma", "Eric", "Ethan", "Eugene", "Evan", "Evelyn", "Frances",
	"Frank", "Gabriel", "Gabriella", "Gary", "George", "Gerald", "Grace", "Gregory", "Hannah", "Harold",
	"Harper", "Harry", "Heather", "Helen", "Henry", "Holly", "Ian", "Isaac", "Isabella", "Jack",
	"Jacob", "Jacqueline", "James", "Janet", "Janice", "Jason", "Jean", "Jeffrey", "Jennifer", "Jeremy",
	"Jessica", "Joan", "Joe", "John", "Jonathan", "Jordan", "Joseph", "Joshua", "Joyce", "Judith",
	"Julia", "Julie", "Justin", "Karen", "Katherine", "Kathleen", "Kayla", "Keith", "Kelly", "Kenneth",
	"Kevin", "Kimberly", "Kyle", "Laura", "Lauren", "Lawrence", "Leah", "Liam", "Lillian", "Lily",
	"Linda", "Lisa", "Logan", "Louis", "Lucas", "Lucy", "Luke", "Madison", "Margaret", "Maria",
	"Marie", "Mark", "Martha", "Mary", "Mason", "Matthew", "Megan", "Melissa", "Mia", "Michael",
	"Michelle", "Natalie", "Nathan", "Nicholas", "Nicole", "Noah", "Oliver", "Olivia", "Oscar", "Owen",
	"Pamela", "Patricia", "Patrick", "Paul", "Peter", "Philip", "Rachel", "Ralph", "Raymond", "Rebecca",
	"Richard", "Robert", "Roger", "Ronald", "Rose", "Russell", "Ruth", "Ryan", "Samantha", "Samuel",
	"Sandra", "Sarah", "Scott", "Sean", "Sharon", "Shirley", "Sophia", "Stephanie", "Stephen", "Steven",
	"Susan", "Taylor", "Teresa", "Thomas", "Timothy", "Tyler", "Victoria", "Vincent", "Virginia", "Walter",
	"Wayne", "William", "Zachary", "Zoe",
}

// lastNames are common English surnames.
var lastNames = []string{
	"Adams", "Allen", "Anderson", "Armstrong", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Black",
	"Boyd", "Bradley", "Brooks", "Brown", "Bryant", "Burns", "Butler", "Campbell", "Carpenter", "Carter",
	"Chapman", "Clark", "Cole", "Coleman", "Collins", "Cook", "Cooper", "Cox", "Crawford", "Cunningham",
	"Davidson", "Davies", "Davis", "Dixon", "Duncan", "Dunn", "Edwards", "Elliott", "Ellis", "Evans",
	"Ferguson", "Fisher", "Fleming", "Fletcher", "Ford", "Foster", "Fox", "Freeman", "Gardner", "Gibson",
	"Gordon", "Graham", "Grant", "Gray", "Green", "Griffin", "Hall", "Hamilton", "Harper", "Harris",
	"Harrison", "Hart", "Hawkins", "Hayes", "Henderson", "Hill", "Holmes", "Howard", "Hudson", "Hughes",
	"Hunt", "Hunter", "Jackson", "James", "Jenkins", "Johnson", "Johnston", "Jones", "Jordan", "Kelly",
	"Kennedy", "King", "Knight", "Lane", "Lawrence", "Lee", "Lewis", "Lloyd", "Long", "Marshall",
	"Martin", "Mason", "Matthews", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray",
	"Myers", "Nelson", "Newman", "Nichols", "O'Brien", "O'Connor", "Owen", "Palmer", "Parker", "Patterson",
	"Payne", "Pearson", "Perry", "Peters", "Phillips", "Porter", "Powell", "Price", "Reed", "Reynolds",
	"Richards", "Richardson", "Roberts", "Robertson", "Robinson", "Rogers", "Rose", "Ross", "Russell", "Ryan",
	"Sanders", "Saunders", "Scott", "Shaw", "Simmons", "Simpson", "Smith", "Spencer", "Stevens", "Stewart",
	"Stone", "Sullivan", "Taylor", "Thompson", "Thomson", "Tucker", "Turner", "Walker", "Wallace", "Walsh",
	"Ward", "Warren", "Watson", "Webb", "Wells", "West", "Wheeler", "White", "Williams", "Willis",
	"Wilson", "Wood", "Woods", "Wright", "Young",
}

// namePrefixes are English honorifics.
var namePrefixes = []string{"Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof."}

// nameSuffixes are English generational and professional name suffixes.
var nameSuffixes = []string{"Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD", "DVM", "Esq."}

// loremWords are lower-case Latin words of the lorem-ipsum text (Cicero,
// De finibus bonorum et malorum; public domain).
var loremWords = []string{
	"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipisci", "velit", "sed", "quia",
	"non", "numquam", "eius", "modi", "tempora", "incidunt", "ut", "labore", "et", "dolore",
	"magnam", "aliquam", "quaerat", "voluptatem", "enim", "ad", "minima", "veniam", "quis", "nostrum",
	"exercitationem", "ullam", "corporis", "suscipit", "laboriosam", "nisi", "aliquid", "ex", "ea", "commodi",
	"consequatur", "autem", "vel", "eum", "iure", "reprehenderit", "qui", "in", "voluptate", "esse",
	"quam", "nihil", "molestiae", "illum", "fugiat", "quo", "voluptas", "nulla", "pariatur", "at",
	"vero", "accusamus", "iusto", "odio", "dignissimos", "ducimus", "blanditiis", "praesentium", "voluptatum", "deleniti",
	"atque", "corrupti", "quos", "dolores", "quas", "molestias", "excepturi", "sint", "occaecati", "cupiditate",
	"provident", "similique", "sunt", "culpa", "officia", "deserunt", "mollitia", "animi", "id", "est",
	"laborum", "dolorum", "fuga", "harum", "quidem", "rerum", "facilis", "expedita", "distinctio", "nam",
	"libero", "tempore", "cum", "soluta", "nobis", "eligendi", "optio", "cumque", "impedit", "minus",
	"quod", "maxime", "placeat", "facere", "possimus", "omnis", "assumenda", "repellendus", "temporibus", "quibusdam",
	"officiis", "debitis", "necessitatibus", "saepe", "eveniet", "voluptates", "repudiandae", "recusandae", "itaque", "earum",
	"hic", "tenetur", "sapiente", "delectus", "aut", "reiciendis", "maiores", "alias", "perferendis", "doloribus",
	"asperiores", "repellat", "sequi", "nesciunt", "neque", "porro", "quisquam", "error", "natus", "perspiciatis",
	"unde", "iste", "accusantium", "doloremque", "laudantium", "totam", "rem", "aperiam", "eaque", "ipsa",
	"ab", "illo", "inventore", "veritatis", "quasi", "architecto", "beatae", "vitae", "dicta", "explicabo",
	"nemo", "aspernatur", "odit", "magni", "ratione",
}

// englishWords are common English nouns, verbs and adjectives, for
// {{$randomWord}} and {{$randomWords}}.
var englishWords = []string{
	"account", "action", "address", "advice", "agent", "amount", "answer", "apple", "area", "army",
	"art", "attack", "balance", "band", "bank", "basket", "beach", "bell", "bird", "blanket",
	"blue", "board", "boat", "bold", "bottle", "branch", "brave", "bread", "bridge", "bright",
	"brush", "build", "button", "cabin", "calm", "camera", "candle", "card", "carry", "castle",
	"chair", "change", "cheap", "cheese", "circle", "clean", "clever", "cloud", "coast", "coffee",
	"collect", "color", "copper", "corner", "cotton", "country", "cover", "crowd", "cup", "curtain",
	"dance", "deep", "desert", "design", "dinner", "direct", "dream", "drive", "eager", "early",
	"earth", "engine", "escape", "evening", "expand", "fabric", "fair", "farm", "feather", "field",
	"figure", "finish", "flame", "flower", "focus", "forest", "frame", "fresh", "friend", "garden",
	"gentle", "glass", "global", "golden", "grain", "grass", "green", "guide", "handle", "harbor",
	"heavy", "hidden", "honest", "horizon", "island", "jacket", "journey", "kettle", "kitchen", "ladder",
	"lake", "lamp", "language", "laser", "leaf", "lemon", "letter", "light", "liquid", "little",
	"lively", "machine", "market", "meadow", "metal", "mirror", "modern", "moment", "monitor", "morning",
	"mountain", "music", "narrow", "network", "noble", "north", "ocean", "orange", "orbit", "paper",
	"pattern", "pencil", "pepper", "planet", "plant", "plastic", "pocket", "polite", "powder", "prepare",
	"proud", "purple", "quick", "quiet", "rabbit", "rain", "rapid", "record", "repair", "river",
	"rocket", "rough", "round", "salad", "salt", "sample", "school", "season", "secret", "shadow",
	"shelf", "shine", "silver", "simple", "sleep", "smooth", "soft", "solid", "spark", "spring",
	"square", "stable", "steady", "stone", "storm", "street", "strong", "summer", "sunset", "sweet",
	"table", "ticket", "timber", "travel", "trust", "tunnel", "valley", "velvet", "village", "violet",
	"voice", "wander", "warm", "water", "window", "winter", "wonder", "wooden", "yellow", "zone",
}

// jobAreas are the business areas of {{$randomJobArea}} and job titles.
var jobAreas = []string{
	"Accounts", "Applications", "Assurance", "Branding", "Communications", "Compliance", "Configuration", "Creative", "Data", "Delivery",
	"Directives", "Division", "Engagement", "Factors", "Finance", "Functionality", "Group", "Identity", "Implementation", "Infrastructure",
	"Integration", "Interactions", "Intranet", "Logistics", "Marketing", "Markets", "Metrics", "Mobility", "Operations", "Optimization",
	"Paradigm", "Partnerships", "Procurement", "Program", "Quality", "Research", "Response", "Security", "Solutions", "Strategy",
	"Tactics", "Usability", "Web",
}

// jobDescriptors are the seniority and scope words of job titles.
var jobDescriptors = []string{
	"Associate", "Central", "Chief", "Corporate", "Customer", "Direct", "District", "Dynamic", "Executive", "Forward",
	"Future", "Global", "Head", "Human", "Internal", "International", "Investor", "Junior", "Lead", "Legacy",
	"National", "Principal", "Product", "Regional", "Senior", "Staff",
}

// hackerAbbreviations are common computing acronyms.
var hackerAbbreviations = []string{
	"ADSL", "AI", "API", "ARP", "ASCII", "BIOS", "CPU", "CSS", "CSV", "DHCP",
	"DNS", "DRAM", "FTP", "GPU", "GUI", "HDD", "HTML", "HTTP", "IMAP", "IP",
	"ISO", "JSON", "LAN", "LED", "NTP", "OCR", "PCI", "PDF", "PNG", "RAID",
	"RAM", "REST", "RFID", "ROM", "RSS", "SATA", "SCSI", "SDK", "SMS", "SMTP",
	"SQL", "SSD", "SSH", "SSL", "TCP", "TLS", "UDP", "URL", "USB", "UTF8",
	"VPN", "WAN", "XML", "YAML",
}

// hackerAdjectives describe computing components.
var hackerAdjectives = []string{
	"analog", "asynchronous", "auxiliary", "back-end", "binary", "bluetooth", "cloud-native", "compressed", "cross-platform", "digital",
	"distributed", "dynamic", "embedded", "encrypted", "front-end", "haptic", "headless", "high-speed", "hybrid", "interactive",
	"legacy", "low-latency", "mobile", "modular", "multi-byte", "neural", "online", "open-source", "optical", "parallel",
	"portable", "primary", "quantum", "redundant", "remote", "secondary", "serverless", "solid state", "synchronous", "virtual",
	"wireless",
}

// hackerNouns are computing components.
var hackerNouns = []string{
	"adapter", "alarm", "algorithm", "application", "array", "bandwidth", "buffer", "bus", "cable", "cache",
	"capacitor", "card", "circuit", "cluster", "compiler", "container", "controller", "database", "driver", "feed",
	"firewall", "hard drive", "interface", "kernel", "load balancer", "matrix", "microchip", "monitor", "motherboard", "network",
	"node", "panel", "pipeline", "pixel", "port", "processor", "program", "protocol", "queue", "router",
	"sensor", "server", "socket", "system", "transistor", "transmitter",
}

// hackerVerbs are things done to computing components (base form).
var hackerVerbs = []string{
	"back up", "boot", "bypass", "calculate", "compile", "compress", "connect", "copy", "debug", "decrypt",
	"deploy", "encrypt", "generate", "hack", "index", "input", "install", "navigate", "override", "parse",
	"patch", "program", "quantify", "reboot", "refactor", "reset", "scale", "synthesize", "transmit", "upgrade",
}

// hackerIngVerbs are the -ing forms of hackerVerbs, in the same order.
var hackerIngVerbs = []string{
	"backing up", "booting", "bypassing", "calculating", "compiling", "compressing", "connecting", "copying", "debugging", "decrypting",
	"deploying", "encrypting", "generating", "hacking", "indexing", "inputting", "installing", "navigating", "overriding", "parsing",
	"patching", "programming", "quantifying", "rebooting", "refactoring", "resetting", "scaling", "synthesizing", "transmitting", "upgrading",
}

// hackerPhrases are sentence templates for {{$randomPhrase}}: {abbreviation},
// {adjective}, {noun}, {verb} and {ingverb} are replaced by random hacker
// words; the first letter is then capitalised.
var hackerPhrases = []string{
	"{verb} the {adjective} {noun} before the {abbreviation} {noun} goes down!",
	"the {abbreviation} {noun} is offline, so {verb} the {adjective} {noun} instead.",
	"{ingverb} the {noun} won't help; we need to {verb} the {adjective} {abbreviation} {noun}!",
	"our {adjective} {noun} keeps {ingverb} the {abbreviation} {noun}, can you {verb} it?",
	"once we {verb} the {abbreviation} {noun}, the {adjective} {noun} will follow.",
	"you can't {verb} the {noun} without {ingverb} the {adjective} {abbreviation} {noun}!",
	"try {ingverb} the {abbreviation} {noun}; maybe that will {verb} the {adjective} {noun}.",
	"the {adjective} {abbreviation} {noun} is down, {verb} the {noun} so we can {verb} the {noun}!",
	"if the {noun} fails, {verb} the {adjective} {abbreviation} {noun}.",
	"I'll {verb} the {adjective} {noun}, that should fix the {abbreviation} {noun}!",
}

// countryNames are English short names of ISO 3166-1 countries and territories.
var countryNames = []string{
	"Afghanistan", "Åland Islands", "Albania", "Algeria", "American Samoa", "Andorra", "Angola", "Anguilla", "Antarctica", "Antigua and Barbuda",
	"Argentina", "Armenia", "Aruba", "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados",
	"Belarus", "Belgium", "Belize", "Benin", "Bermuda", "Bhutan", "Bolivia", "Bonaire, Sint Eustatius and Saba", "Bosnia and Herzegovina", "Botswana",
	"Bouvet Island", "Brazil", "British Indian Ocean Territory", "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon",
	"Canada", "Cayman Islands", "Central African Republic", "Chad", "Chile", "China", "Christmas Island", "Cocos (Keeling) Islands", "Colombia", "Comoros",
	"Congo", "Congo, Democratic Republic of the", "Cook Islands", "Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Curaçao", "Cyprus", "Czechia",
	"Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia",
	"Eswatini", "Ethiopia", "Falkland Islands (Malvinas)", "Faroe Islands", "Fiji", "Finland", "France", "French Guiana", "French Polynesia", "French Southern Territories",
	"Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Gibraltar", "Greece", "Greenland", "Grenada", "Guadeloupe",
	"Guam", "Guatemala", "Guernsey", "Guinea", "Guinea-Bissau", "Guyana", "Haiti", "Heard Island and McDonald Islands", "Holy See", "Honduras",
	"Hong Kong", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Isle of Man", "Israel",
	"Italy", "Jamaica", "Japan", "Jersey", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Korea, Democratic People's Republic of", "Korea, Republic of",
	"Kuwait", "Kyrgyzstan", "Lao People's Democratic Republic", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania",
	"Luxembourg", "Macao", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Martinique",
	"Mauritania", "Mauritius", "Mayotte", "Mexico", "Micronesia", "Moldova", "Monaco", "Mongolia", "Montenegro", "Montserrat",
	"Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands", "New Caledonia", "New Zealand", "Nicaragua",
	"Niger", "Nigeria", "Niue", "Norfolk Island", "North Macedonia", "Northern Mariana Islands", "Norway", "Oman", "Pakistan", "Palau",
	"Palestine, State of", "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Pitcairn", "Poland", "Portugal", "Puerto Rico",
	"Qatar", "Réunion", "Romania", "Russian Federation", "Rwanda", "Saint Barthélemy", "Saint Helena, Ascension and Tristan da Cunha", "Saint Kitts and Nevis", "Saint Lucia", "Saint Martin (French part)",
	"Saint Pierre and Miquelon", "Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone",
	"Singapore", "Sint Maarten (Dutch part)", "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Georgia and the South Sandwich Islands", "South Sudan", "Spain",
	"Sri Lanka", "Sudan", "Suriname", "Svalbard and Jan Mayen", "Sweden", "Switzerland", "Syrian Arab Republic", "Taiwan", "Tajikistan", "Tanzania",
	"Thailand", "Timor-Leste", "Togo", "Tokelau", "Tonga", "Trinidad and Tobago", "Tunisia", "Türkiye", "Turkmenistan", "Turks and Caicos Islands",
	"Tuvalu", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "United States Minor Outlying Islands", "Uruguay", "Uzbekistan", "Vanuatu",
	"Venezuela", "Viet Nam", "Virgin Islands (British)", "Virgin Islands (U.S.)", "Wallis and Futuna", "Western Sahara", "Yemen", "Zambia", "Zimbabwe",
}

// currency is an ISO 4217 currency: its alphabetic code and English name.
type currency struct{ code, name string }

// currencies are ISO 4217 currencies in current use.
var currencies = []currency{
	{"AED", "UAE Dirham"}, {"AFN", "Afghani"}, {"ALL", "Lek"}, {"AMD", "Armenian Dram"}, {"AOA", "Kwanza"},
	{"ARS", "Argentine Peso"}, {"AUD", "Australian Dollar"}, {"AWG", "Aruban Florin"}, {"AZN", "Azerbaijan Manat"}, {"BAM", "Convertible Mark"},
	{"BBD", "Barbados Dollar"}, {"BDT", "Taka"}, {"BGN", "Bulgarian Lev"}, {"BHD", "Bahraini Dinar"}, {"BIF", "Burundi Franc"},
	{"BMD", "Bermudian Dollar"}, {"BND", "Brunei Dollar"}, {"BOB", "Boliviano"}, {"BRL", "Brazilian Real"}, {"BSD", "Bahamian Dollar"},
	{"BTN", "Ngultrum"}, {"BWP", "Pula"}, {"BYN", "Belarusian Ruble"}, {"BZD", "Belize Dollar"}, {"CAD", "Canadian Dollar"},
	{"CDF", "Congolese Franc"}, {"CHF", "Swiss Franc"}, {"CLP", "Chilean Peso"}, {"CNY", "Yuan Renminbi"}, {"COP", "Colombian Peso"},
	{"CRC", "Costa Rican Colon"}, {"CUP", "Cuban Peso"}, {"CVE", "Cabo Verde Escudo"}, {"CZK", "Czech Koruna"}, {"DJF", "Djibouti Franc"},
	{"DKK", "Danish Krone"}, {"DOP", "Dominican Peso"}, {"DZD", "Algerian Dinar"}, {"EGP", "Egyptian Pound"}, {"ERN", "Nakfa"},
	{"ETB", "Ethiopian Birr"}, {"EUR", "Euro"}, {"FJD", "Fiji Dollar"}, {"FKP", "Falkland Islands Pound"}, {"GBP", "Pound Sterling"},
	{"GEL", "Lari"}, {"GHS", "Ghana Cedi"}, {"GIP", "Gibraltar Pound"}, {"GMD", "Dalasi"}, {"GNF", "Guinean Franc"},
	{"GTQ", "Quetzal"}, {"GYD", "Guyana Dollar"}, {"HKD", "Hong Kong Dollar"}, {"HNL", "Lempira"}, {"HTG", "Gourde"},
	{"HUF", "Forint"}, {"IDR", "Rupiah"}, {"ILS", "New Israeli Sheqel"}, {"INR", "Indian Rupee"}, {"IQD", "Iraqi Dinar"},
	{"IRR", "Iranian Rial"}, {"ISK", "Iceland Krona"}, {"JMD", "Jamaican Dollar"}, {"JOD", "Jordanian Dinar"}, {"JPY", "Yen"},
	{"KES", "Kenyan Shilling"}, {"KGS", "Som"}, {"KHR", "Riel"}, {"KMF", "Comorian Franc"}, {"KPW", "North Korean Won"},
	{"KRW", "Won"}, {"KWD", "Kuwaiti Dinar"}, {"KYD", "Cayman Islands Dollar"}, {"KZT", "Tenge"}, {"LAK", "Lao Kip"},
	{"LBP", "Lebanese Pound"}, {"LKR", "Sri Lanka Rupee"}, {"LRD", "Liberian Dollar"}, {"LSL", "Loti"}, {"LYD", "Libyan Dinar"},
	{"MAD", "Moroccan Dirham"}, {"MDL", "Moldovan Leu"}, {"MGA", "Malagasy Ariary"}, {"MKD", "Denar"}, {"MMK", "Kyat"},
	{"MNT", "Tugrik"}, {"MOP", "Pataca"}, {"MRU", "Ouguiya"}, {"MUR", "Mauritius Rupee"}, {"MVR", "Rufiyaa"},
	{"MWK", "Malawi Kwacha"}, {"MXN", "Mexican Peso"}, {"MYR", "Malaysian Ringgit"}, {"MZN", "Mozambique Metical"}, {"NAD", "Namibia Dollar"},
	{"NGN", "Naira"}, {"NIO", "Cordoba Oro"}, {"NOK", "Norwegian Krone"}, {"NPR", "Nepalese Rupee"}, {"NZD", "New Zealand Dollar"},
	{"OMR", "Rial Omani"}, {"PAB", "Balboa"}, {"PEN", "Sol"}, {"PGK", "Kina"}, {"PHP", "Philippine Peso"},
	{"PKR", "Pakistan Rupee"}, {"PLN", "Zloty"}, {"PYG", "Guarani"}, {"QAR", "Qatari Rial"}, {"RON", "Romanian Leu"},
	{"RSD", "Serbian Dinar"}, {"RUB", "Russian Ruble"}, {"RWF", "Rwanda Franc"}, {"SAR", "Saudi Riyal"}, {"SBD", "Solomon Islands Dollar"},
	{"SCR", "Seychelles Rupee"}, {"SDG", "Sudanese Pound"}, {"SEK", "Swedish Krona"}, {"SGD", "Singapore Dollar"}, {"SHP", "Saint Helena Pound"},
	{"SLE", "Leone"}, {"SOS", "Somali Shilling"}, {"SRD", "Surinam Dollar"}, {"SSP", "South Sudanese Pound"}, {"STN", "Dobra"},
	{"SYP", "Syrian Pound"}, {"SZL", "Lilangeni"}, {"THB", "Baht"}, {"TJS", "Somoni"}, {"TMT", "Turkmenistan New Manat"},
	{"TND", "Tunisian Dinar"}, {"TOP", "Pa'anga"}, {"TRY", "Turkish Lira"}, {"TTD", "Trinidad and Tobago Dollar"}, {"TWD", "New Taiwan Dollar"},
	{"TZS", "Tanzanian Shilling"}, {"UAH", "Hryvnia"}, {"UGX", "Uganda Shilling"}, {"USD", "US Dollar"}, {"UYU", "Peso Uruguayo"},
	{"UZS", "Uzbekistan Sum"}, {"VES", "Bolívar Soberano"}, {"VND", "Dong"}, {"VUV", "Vatu"}, {"WST", "Tala"},
	{"XAF", "CFA Franc BEAC"}, {"XCD", "East Caribbean Dollar"}, {"XOF", "CFA Franc BCEAO"}, {"XPF", "CFP Franc"}, {"YER", "Yemeni Rial"},
	{"ZAR", "Rand"}, {"ZMW", "Zambian Kwacha"}, {"ZWL", "Zimbabwe Dollar"},
}

// mediaType is an IANA media type and the usual extension of its files.
type mediaType struct{ mime, ext string }

// mediaTypes are common IANA media types.
var mediaTypes = []mediaType{
	{"application/gzip", "gz"}, {"application/java-archive", "jar"}, {"application/javascript", "js"}, {"application/json", "json"},
	{"application/ld+json", "jsonld"}, {"application/msword", "doc"}, {"application/octet-stream", "bin"}, {"application/ogg", "ogx"},
	{"application/pdf", "pdf"}, {"application/postscript", "ps"}, {"application/rtf", "rtf"}, {"application/sql", "sql"},
	{"application/vnd.ms-excel", "xls"}, {"application/vnd.ms-powerpoint", "ppt"}, {"application/vnd.oasis.opendocument.presentation", "odp"},
	{"application/vnd.oasis.opendocument.spreadsheet", "ods"}, {"application/vnd.oasis.opendocument.text", "odt"},
	{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"},
	{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
	{"application/wasm", "wasm"}, {"application/x-7z-compressed", "7z"}, {"application/x-bzip2", "bz2"}, {"application/x-sh", "sh"},
	{"application/x-tar", "tar"}, {"application/xhtml+xml", "xhtml"}, {"application/xml", "xml"}, {"application/yaml", "yaml"},
	{"application/zip", "zip"}, {"audio/aac", "aac"}, {"audio/flac", "flac"}, {"audio/midi", "mid"}, {"audio/mp4", "m4a"},
	{"audio/mpeg", "mp3"}, {"audio/ogg", "oga"}, {"audio/opus", "opus"}, {"audio/wav", "wav"}, {"audio/webm", "weba"},
	{"font/otf", "otf"}, {"font/ttf", "ttf"}, {"font/woff", "woff"}, {"font/woff2", "woff2"}, {"image/avif", "avif"},
	{"image/bmp", "bmp"}, {"image/gif", "gif"}, {"image/heic", "heic"}, {"image/jpeg", "jpg"}, {"image/png", "png"},
	{"image/svg+xml", "svg"}, {"image/tiff", "tiff"}, {"image/vnd.microsoft.icon", "ico"}, {"image/webp", "webp"},
	{"model/gltf+json", "gltf"}, {"model/stl", "stl"}, {"text/calendar", "ics"}, {"text/css", "css"}, {"text/csv", "csv"},
	{"text/html", "html"}, {"text/markdown", "md"}, {"text/plain", "txt"}, {"text/tab-separated-values", "tsv"}, {"text/vcard", "vcf"},
	{"video/mp2t", "ts"}, {"video/mp4", "mp4"}, {"video/mpeg", "mpeg"}, {"video/ogg", "ogv"}, {"video/quicktime", "mov"},
	{"video/webm", "webm"}, {"video/x-msvideo", "avi"}, {"video/3gpp", "3gp"},
}

// userAgentTemplates are browser User-Agent strings in their standard
// formats; userAgent fills in the {chrome}, {edge}, {opera}, {firefox},
// {safari}, {ios} and {android} versions.
var userAgentTemplates = []string{
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36",
	"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36",
	"Mozilla/5.0 (Linux; Android {android}; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Mobile Safari/537.36",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 Edg/{edge}",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 Edg/{edge}",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome} Safari/537.36 OPR/{opera}",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0",
	"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0",
	"Mozilla/5.0 (Android {android}; Mobile; rv:{firefox}.0) Gecko/{firefox}.0 Firefox/{firefox}.0",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari} Safari/605.1.15",
	"Mozilla/5.0 (iPhone; CPU iPhone OS {ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari} Mobile/15E148 Safari/604.1",
	"Mozilla/5.0 (iPad; CPU OS {ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari} Mobile/15E148 Safari/604.1",
}
