"""The specification checklist: each item answered by quoted evidence, or turned into a question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kickoff.gaps.about import about_the_document
from kickoff.gaps.extract import is_discursive
from kickoff.gaps.measures import find_measures, mentions_hardware
from kickoff.gaps.open_points import LEFT_FOR_LATER
from kickoff.model import TABLE_CELL_SEPARATOR, ChecklistItem, Document, Quote, Requirement, Sentence
from kickoff.profile.outline import section_paths

# Sentences taken from the start of one section the item has to itself.
PER_SECTION = 2


@dataclass(frozen=True)
class ItemSpec:
    """How one checklist item is recognised, and what to ask when it is missing."""

    key: str
    title: str
    blocking: bool
    question: str
    why: str
    categories: tuple[str, ...] = ()
    heading: str | None = None
    cue: str | None = None
    needs_number: bool = False
    number_quantities: tuple[str, ...] = ()
    # Quote only the numbered statements: the item asks for numbers ("Performance targets with
    # numbers"), so "The product shall be based on web" under "Performance" is no answer. For
    # reliability or scale, a statement without a number still says something about them.
    numbered_only: bool = False
    # In the item's own section, the sentences that name what the item asks for are its answer
    # when there are any: an SRS's "Operating Environment" opens with "OE-1: … support the needs
    # of a large library consortium" and names the server and browsers after it.
    prefer: str | None = None
    # Where ``prefer`` looks: "opening" (the first sentences taken from each section: functions are
    # many), "early" (also the next few of each section: a purpose may be named a few sentences
    # on), or "all" of the item's sections.
    prefer_within: str = "all"
    # Sentences taken from the start of each section the item has to itself.
    per_section: int = PER_SECTION
    # Where no section is the item's, quote its binding statements ("shall", "must") before the
    # others ("This system will support …" forecasts, "The deployment will be at state level"
    # describes).
    binding_first: bool = False
    # A pattern one quote must match for the item to be answered rather than partly answered
    # (a schedule with no date in it is not a schedule yet).
    needs_pattern: str | None = None
    # Words that state the item in meeting notes and e-mails, where plainer wording is the habit.
    note_cue: str | None = None
    # Words that state the item even in a section that argues or looks back: "the policies are
    # intentionally left out of scope" under "Unresolved questions" is a decision on scope.
    decisive_cue: str | None = None


# Who may use a system, as a sentence names them
_PEOPLE = (
    r"(?:users?|customers?|clients?|administrators?|operators?|staff|employees?|students?|teachers?|patients?|"
    r"doctors?|nurses?|people|scientists?|researchers?|analysts?|engineers?|developers?|members?|managers?|clerks?)"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

ITEMS: tuple[ItemSpec, ...] = (
    ItemSpec(
        "purpose",
        "Purpose: what the system is",
        True,
        "What system is to be built, and what problem does it solve?",
        "every design decision depends on it",
        # "Goals and Objectives" of a Pressman-style SRS, "About Voucher Management system"
        heading=r"abstract|summary|purpose|overview|introduction|executive summary|goals and objectives|"
        r"about (?:the )?(?:[\w-]+ ){0,4}(?:system|software|application|product|tool|service)",
        # in its own sections, the sentence that names the system and says what it is or does:
        # "The Child Care Management software is intended to provide a computer based system …"
        # after the document's own purpose and a remark on its diagrams
        prefer=r"\b(?:system|software|application|product|tool|service|platform|solution|program|package|framework|"
        r"(?-i:[A-Z][A-Za-z]*[A-Z][A-Za-z]*))\b[^.;:]{0,60}?\b(?:is (?:an?|the|intended|designed|meant)|will (?:be an?|provide|allow|enable|"
        r"support|assist|help|let|automate|give|track|manage)|provides|allows|enables|supports|assists|helps|lets|automates)\b"
        # "IUFA purpose is to integrate 3 faculties data bases …", "The purpose of the (I-15
        # RLCS) is to open and close the reversible lanes …" (the document's own purpose is no
        # answer, and never reaches this)
        # (but "The goal of the current phase … is to define IJIS business requirements" is the
        # work's, not the system's)
        r"|\b(?:purpose|aim|goal|mission|objective)(?: of [^.;:]{1,40}?)? is to "
        r"(?!(?:define|document|describe|specify|identify|capture|outline|present|gather|collect)\b)"
        # a name that opens the sentence: "Gparted is a graphical partition editor …", "This Web
        # Store is designed to allow …" (not a pronoun: "It is a LiveCD application")
        r"|^(?:(?:the|this|our) )?(?!(?:it|this|that|there|these|those|they|we|he|she|here)\b)"
        r"(?-i:[A-Z][\w-]*[a-z0-9][\w-]*)(?: (?-i:[A-Z][\w-]*))* (?:is|will be) (?:an?|designed|intended|meant)\b",
        prefer_within="early",
        per_section=1,
        cue=r"\b(?:the purpose of (?:this|the) (?:system|document|project|specification)|this (?:document|specification|pep|rfc|kep|proposal|memo) (?:describes|specifies|defines|proposes|introduces)|we propose|(?:the|this) (?:system|application|tool|service|platform|product) (?:is an?|will be an?|provides|lets|helps|allows))\b",
    ),
    ItemSpec(
        "hardware",
        "Hardware and operating environment",
        True,
        "On what hardware and operating environment must it run (processor, memory, operating system, cloud or device)?",
        "it bounds the design, the budget and every performance figure",
        categories=("O", "PO"),
        prefer=r"\b(?:linux|unix|solaris|windows|mac(?:intosh| ?os)?|android|ios|x86|arm|processors?|cpus?|ram|memory|disks?|"
        r"servers?|pcs?|computers?|browsers?|devices?|java|jre|runtime|operating systems?|hardware|keyboard|mouse|screen|"
        r"monitor|printers?|modem|cd|dvd|usb|cloud|kubernetes|gpu|bus|sensors?|controllers?|locks?|boards?|scanners?|"
        r"terminals?|phones?|tablets?|kiosks?|cameras?|gateways?|networks?)\b",
        heading=r"(?:computer )?hardware(?: interfaces?| constraints?| limitations?| requirements?)?|(?:supported )?platforms?|computer (?:resource|hardware)s?(?: resource)?(?: requirements)?|(?:operating|operational|target|runtime|deployment|execution) environment|system requirements|infrastructure|"
        # "Target System Requirements": what the system it is installed on must have
        r"target (?:system|platform|machine|hardware)s?",
        # a platform named as where it runs: "runs on Linux", or a sentence that opens "On Windows, …"
        # ("deployed to the production environment" is a step of the process, not a platform)
        cue=r"\b(?:runs? on|deployed (?:on|to)(?! (?:the )?(?:production|staging|test(?:ing)?|development|live|qa|uat) (?:environment|server|system|site)s?\b)|target (?:hardware|platform|device)|operating systems?|android \d+|ios \d+|raspberry|cortex|x86|arm64|aarch64|gpu|\d+\s?(?:GB|GiB|MB) (?:of )?(?:RAM|memory))\b|^(?:On|For) (?:Windows|Linux|macOS|POSIX|Unix(?:-like)?|Android|iOS)(?: systems| platforms)?,|\b(?:supported|available|run|runs|install(?:ed|able)?) (?:on|under) (?:Windows|Linux|macOS|POSIX|Unix)\b",
    ),
    ItemSpec(
        "performance",
        "Performance targets with numbers",
        True,
        "How fast must it be: which response times or throughputs, at what load, measured how (for example p95 latency in ms)?",
        "without numbers no design can be judged fast enough",
        categories=("PE",),
        heading=r"performance|latency|speed|response times?|timeouts?",
        cue=r"\b(?:latency|response times?|throughput|within \d+(?:\.\d+)?\s?(?:ms|milliseconds?|s|seconds?|minutes?|hours?)|per second)\b"
        r"|\d\s?(?:[KMGT]i?B|[kKmMgGtT]bytes?|[kKmMgG]bits?)(?:/s|/sec|ps)\b|\d\s?[KMG]bps\b"
        # a budget of processor time: "process one complete source … on 2 CPU seconds"
        r"|\d\s?(?:CPU|processor)[- ]?(?:seconds?|secs?|minutes?|hours?)\b",
        needs_number=True,
        number_quantities=("latency", "throughput"),
        numbered_only=True,
    ),
    ItemSpec(
        "users",
        "Users and stakeholders",
        False,
        "Who will use it, and who else has a stake in it (roles, numbers, skills)?",
        "features and usability are judged against the people who use them",
        heading=r"(?:[\w-]+ ){0,2}users?['’]?|(?:nature|characteristics|description|profiles?|classes|types) of (?:the )?users|personnel(?:-related)? requirements|user stories|users? (?:classes|personas|profiles|roles|levels|groups|types|categories)|stakeholders?|actors?|personas?|audience|roles|use cases|stories|story \d+",
        # "The users are teachers", not "where fixed network users are involved in a call"
        cue=r"\bAs an? [a-z]+(?: [a-z]+)?, I (?:want|need|can)\b|\b(?:(?:end )?users (?:are|include)\b(?! (?:involved|connected|logged|not|able|allowed|"
        r"required|notified|informed|given|presented|shown|asked|prompted|sent|assigned|granted|managed|authenticated|identified))|"
        r"intended users|target users)\b"
        # "is used by research scientists", "intended for teachers", not "ORL is used by Open
        # Watcom Linker" (a program) or "prefix is intended for floating-point options"
        rf"|\b(?:is used (?:primarily |mainly |mostly )?by|intended for) (?:the |all |many |most |some )?(?:[\w-]+ ){{0,2}}?{_PEOPLE}\b"
        # "The users consist of anyone who …", "intended for use by four user classes", "shall be
        # used by various classes of users", "There are only end-users", "The target clients … are"
        r"|\b(?:(?:the )?users (?:consist|consists) of|intended for use by|used by (?:various|several|different|all|many|\w+) (?:classes|types|kinds|groups) of users|"
        r"there (?:are|will be) (?:only |multiple |several |different |\w+ )?(?:end-users|(?:types|classes|kinds|groups) of users)|target (?:clients|customers|audience) (?:for|of) )",
    ),
    ItemSpec(
        "functions",
        "Functions",
        False,
        "What must it do: which functions or user stories, in priority order?",
        "functions are what gets built and tested",
        categories=("F",),
        # a functions section's statements say what it must do; "This is the nominal system mode."
        # after one only explains it
        prefer=r"\b(?:shall|must|will|should|(?:is|are) required to)\b",
        prefer_within="opening",
        binding_first=True,
        heading=r"(?:(?:overview|(?:detailed )?description|summary|list) of (?:the )?)?functional requirements|(?:product |system )?functions|features|capabilities|specific requirements|specification|detailed design|design details|reference-level explanation|guide-level explanation|proposal|proposed (?:changes|design|solution)|system features|requirements",
    ),
    ItemSpec(
        "scope",
        "Scope and non-goals",
        False,
        "What is in scope and, as important, what is explicitly out of scope?",
        "unstated scope grows without limit",
        # "Scope of the Development Project": IEEE 830's "1.2 Scope" as SRS writers title it
        heading=r"scope(?: of (?:the |this )?(?:[\w-]+ ){0,2}(?:project|product|system|software|work))?|goals|non-goals|non goals|out of scope|(?:product|project|system|software) scope|boundar\w*",
        cue=r"\b(?:in scope|out of scope|outside (?:the|its) scope|not in scope|non-goals?|"
        r"scope of (?:the |this )?(?:project|system|product|software|work) (?:is|will be) (?:limited|restricted|confined) to|"
        # "The scope of this project is to provide …", "… are not addressed with this plan",
        # "will not be included in this release"
        r"scope of (?:the |this )?(?:project|system|product|software|work|release|version) (?:is|will be) to|"
        r"(?:is|are|will be|shall be) not (?:addressed|covered|included|considered|supported) (?:in|by|with|within) (?:this|the) "
        r"(?:project|system|product|release|version|plan|phase))\b",
        decisive_cue=r"\b(?:(?:is|are|be|left|kept|considered) out of scope|(?:is|are|be|left|falls?) outside (?:the|its|this \w+'s) scope|(?:is|are) not in scope)\b",
    ),
    ItemSpec(
        "data",
        "Inputs, outputs and data",
        False,
        "What data goes in and comes out: formats, sources, volumes, retention?",
        "data shapes the storage, the interfaces and the tests",
        heading=r"(?:internal |external |persistent |stored |functional |logical |physical )?data(?: (?:inputs?|outputs?|dictionary|model|requirements|structures?|definitions?|formats?|elements|streams?|construct specifications))?|inputs?|outputs?|(?:file )?formats?|storage|schemas?|fields|database|(?:logical )?database requirements|metadata|(?:incoming|outgoing|auxiliary) data(?: streams?)?|field (?:specifications?|definitions?)|(?:message|record|file) (?:formats?|layouts?|specifications?)",
        # "a CSV file", "as JSON", but not a file's name ("the Cargo.toml file")
        cue=r"\b(?:file format|data format|data model|schema|retention period)\b|"
        # "Read-only formats supported by PeaZip: 7z, …", "the supported archive formats"
        r"\b(?:formats supported|supported (?:[\w-]+ ){0,2}?formats)\b|"
        # "REQ-1: The format for service information description is defined"
        r"\bformat (?:of|for) (?:the )?(?:[\w-]+ ){1,4}?(?:is|are|shall be|must be|will be) (?:defined|specified|documented)\b|"
        r"\b(?:stored|saved|kept|recorded|archived) (?:in|to|into) (?:a|an|the) (?:[\w-]+ )?(?:database|data ?base|data store)s?\b|"
        # "the user display name and user name columns in the user tables"
        # (a database's tables; "the displayed columns in the table" is a screen's)
        r"\b(?:columns?|fields?) (?:in|of) the (?:[\w-]+ ){0,2}tables\b|(?<![.\w])(?:csv|json|xml|yaml|xlsx|(?-i:Excel)|parquet)\b(?! ?:)|^(?:Format|Type|Data type)\s*:\s|\b(?:a|the) (?:file|directory|table|key|field) (?:named|called)\b|(?-i:\b(?:INI|TOML|JSON|YAML|XML|CSV)\b) (?:format|file|table|document|object)s?\b",
    ),
    ItemSpec(
        "interfaces",
        "Interfaces",
        False,
        "Which other systems, devices or people does it talk to, over which interfaces or protocols?",
        "interfaces are where integration fails",
        # (Volere's "Partner Applications": the other systems it works with)
        heading=r"(?:[\w.-]+ ){0,2}(?:interfaces?|apis?|integrations?)|protocols?|command[- ]line|cli|hooks|(?:[\w-]+ )?message (?:types|formats|specifications?)|"
        r"(?:partner|collaborative|partner or collaborative) applications",
        cue=r"\b(?:rest(?:ful)? api|(?:published|public|external|existing|third[- ]party|vendor|web) apis?|https?(?!://)|grpc|mqtt|usb|bluetooth|protocol|webhook|sftp|command[- ]line (?:option|argument|interface)s?|"
        r"(?:run|invoked|called|started|used) from (?:a|the) command[- ]line|"
        r"(?<!to )communicates?,? (?:with|through|over|via)|(?<!that )(?<!which )(?:will|shall|must) interface with)\b",
    ),
    ItemSpec(
        "scale",
        "Scale",
        False,
        "How big will it get: users, data volume, requests, sites, growth over time?",
        "scale decides the architecture",
        categories=("SC",),
        heading=r"scal\w*|capacity|volumes?|growth",
        cue=r"\b(?:concurrent|simultaneous|\d[\d,.]*(?: (?:thousand|million|billion))? (?:concurrent |annual |daily )?"
        r"(?:users|devices|records|documents|requests|sites|stores|orders|transactions|locations|branches|offices|"
        r"accounts|customers|members|patrons|items|circulations|vehicles|terminals)|"
        r"up to (?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|one hundred|a thousand)"
        r"(?:[ -][a-z]+)? (?!hours|minutes|seconds|days|weeks|months|years)[a-z]+s)\b"
        # "There can be only one user per machine", "only one user at a time", "approximately 200
        # to 500 ISINs per day"
        r"|\b(?:only )?one (?:user|person|player|operator)s? (?:per (?:machine|computer|instance|session)|at a time|can use)\b"
        # "The system may contain any number of user accounts": a bound stated as none
        # (of people, accounts and places: "any number of target files" is what a function takes)
        r"|\b(?:any|an unlimited|unlimited|an unrestricted) number of (?:[\w-]+ )?(?:users|accounts|customers|members|"
        r"clients|devices|terminals|sites|stores|branches)\b"
        r"|\b\d[\d,.]*(?: to \d[\d,.]*)? (?!(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|times|percent|kb|mb|gb)\b)[A-Za-z]+s per (?:day|hour|minute|second|week|month|year)\b",
        needs_number=True,
        number_quantities=("users", "throughput", "storage", "count", "other"),
    ),
    ItemSpec(
        "reliability",
        "Reliability and availability",
        False,
        "How reliable must it be: availability, tolerated data loss, recovery time?",
        "reliability targets change the architecture",
        categories=("A", "FT"),
        # "BCP Requirements": a business continuity plan's
        heading=r"reliab\w*|availab\w*|fault tolerance|recovery|error handling|failure handling|(?:non)?fatal errors|resilien\w*|rollback|feature enablement and rollback|rollout, upgrade and rollback|troubleshooting|failure modes|"
        r"bcp|business continuity(?: plan)?|disaster(?: recovery)?",
        # the availability of the system or a figure, not "depending on the availability of the
        # error models" or "limited availability of the office's resources"
        cue=r"\b(?:availability of (?:\d|(?:the |its |our |this )?(?:[\w-]+ )?(?:system|service|application|app|site|website|"
        r"platform|server|network|solution|software|product|database|portal)s?\b)|uptime|downtime|failover|recovery (?:time|point)|RTO|RPO|"
        # backups kept of the system's data ("periodic backups", "backups shall be …"), not an archiver's
        # "for archiving and backup purpose"
        r"(?:periodic|daily|nightly|weekly|monthly|regular|incremental|full|automatic|automated|scheduled|off-?site|remote) backups?|"
        r"backups? (?:of|are|is|shall|will|must|should|to|polic(?:y|ies)|procedures?|plans?|strateg(?:y|ies)|copies|sites?|servers?)|backed up|(?:make|take|perform|do)(?:s)? (?:a )?backups?)\b|\bavailab\w*\b[^.;]{0,30}?\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?% (?:of the time|availab|uptime)"
        # what real SRS documents say of failure: "shall have built-in error handling", "loss of
        # data", "Reliable message delivery", "informs the user about the error"
        r"|\b(?:error handling|(?:loss|corruption) of (?:the )?data|data (?:loss|corruption)|disaster recovery|business continuity|"
        r"reliable (?:message )?delivery|(?:informs?|notif(?:y|ies)) the user (?:of|about) (?:the|an?) (?:error|failure|problem)|"
        # "In case of error it should provide users with appropriate help messages."
        r"in (?:the )?(?:case|event) of (?:an? )?(?:error|failure|fault|crash|outage)s?|"
        # "If a resource fails, its service information is removed", "content is served reliably"
        # (a part of the machinery, failing as such: not "if the trading fails when …", nor "if the
        # onboard fails to contact …")
        r"(?:if|when|whenever|should) (?:a|an|the|any|one) (?:[\w-]+ )?(?:server|resource|node|component|service|connection|"
        r"network|link|disk|drive|database|module|device|host|machine|instance|replica|peer)s? "
        r"(?:fails|crashes|goes down|becomes unavailable)(?! to)|"
        r"(?:served|delivered|processed|stored|transmitted) reliably)\b",
        needs_number=True,
        number_quantities=("availability", "recovery", "latency", "other"),
    ),
    ItemSpec(
        "security",
        "Security and privacy",
        False,
        "Who may see or change what, which data is sensitive, which regulations apply?",
        "security retrofitted is security missing",
        categories=("SE",),
        # "Role of Information Security in EIM", "Data Security": security with its qualifiers
        heading=r"(?:[\w-]+ ){0,3}?secur\w*(?: (?:in|of|for) (?:the )?[\w-]+(?: [\w-]+)?)?|privacy|access control|authenticat\w*|authori[sz]\w*|(?:digital |code )?signatures?|(?:code )?signing|signed(?: [\w.-]+){0,2}",
        cue=r"\b(?:authenticat\w+|authori[sz]ation|encrypt\w+|passwords?|privacy|gdpr|personal data|access control|"
        # what real SRS documents name: "security and confidentiality requirements as dictated by
        # HIPAA", "mitigate communication denial-of-service attacks", "its published IT Security
        # Plan", "manage system user privileges" (but "creating symlinks requires administrator
        # privileges" is the operating system's rule, not the system's security)
        r"confidentiality|denial[- ]of[- ]service|(?:it |information )?security (?:plan|polic(?:y|ies)|requirements|measures|controls|groups?)|"
        r"(?:access|user) (?:rights|privileges))\b",
    ),
    ItemSpec(
        "usability",
        "Usability",
        False,
        "How must it be usable: by whom, with what training, on which screens, with which accessibility needs?",
        "usability is only testable against a stated target",
        categories=("US", "LF"),
        # what people must learn is usability too: MIL-STD-498's "Training-Related Requirements",
        # IEEE 830's "On-line User Documentation and Help System Requirements", "Ease of Use"
        heading=r"usability|user interfaces?|ui|ux|user experience|accessibility|look and feel|ease of use|"
        r"(?:[\w-]+ ){0,2}training(?:-related)?|(?:on-?line )?user documentation(?: and help system)?|help(?: system| module)?",
        # "Hardware Accessibility – all system processing … hardware shall be readily accessible",
        # "Software Accessibility – … source code shall be available": access to the machines and
        # the code for maintenance is no usability
        cue=r"\b(?:usability|(?<!hardware )(?<!software )accessibility(?![^.]*\b(?:hardware|computers?|equipment|racks?|remotely|source code)\b)|wcag|screen readers?|"
        r"online help|help (?:system|file|function)|user manual|(?:online|user) documentation|"
        # what an SRS says of its users' skills and of the effort it asks of them
        r"easy to (?:use|learn|install|understand|administer|navigate|operate)|ease of use|user[- ]friendl\w*|"
        # "an intuitive interface", not "consistent and intuitive resource calculations"
        r"intuitive(?: (?:graphical|user|web|and \w+))* (?:interfaces?|guis?|uis?|design|navigation|to use)|"
        r"(?:basic|general) (?:computer )?(?:knowledge|skills|understanding)|(?:no|without) (?:special |prior )?(?:qualification|training)s? (?:is |are )?(?:necessary|required|needed)|"
        r"training (?:time|courses?|materials?|sessions?)|"
        # "allowing users to learn a standardized interface", "a small business employee who
        # understands the basic capabilities of social media"
        r"users? (?:to|can|will|must|should|need to) learn|(?:understands?|knows?) (?:the )?basics?)\b",
    ),
    ItemSpec(
        "constraints",
        "Constraints",
        False,
        "Which constraints are fixed: languages, licences, standards, laws, budget?",
        "constraints rule out designs before they are drawn",
        categories=("L", "MN"),
        # ("Maintainability Standards" holds maintainability requirements: logging, not a standard)
        heading=r"(?:[\w-]+ ){0,2}constraints?|(?!(?:maintainability|usability|reliability|performance|availability) )(?:[\w-]+ ){0,2}standards(?: compliance)?|notes/constraints|backwards? compatibility|compatibility|version skew|compliance|legal|regulatory",
        # "shall be compliant with the OMB Federal Enterprise Architecture", "should comply with
        # Standard ISO 9241", "shall conform to"
        cue=r"\b(?:(?:must|shall|should|will)(?: be)? (?:comply|compliant|conform(?:ant)?) (?:with|to)|in compliance with|complies with|"
        r"regulations?|must be written in|budget)\b",
    ),
    ItemSpec(
        "dependencies",
        "Dependencies and assumptions",
        False,
        "What does it depend on, and what is assumed to be true?",
        "a broken assumption is a late surprise",
        heading=r"dependenc\w*|assumptions?|assumptions and dependencies|prerequisites",
        # In a specification, the system depends on something ("The booking service relies on …");
        # "the metadata depends on build-time decisions" describes behaviour. Notes say it plainly.
        # ("The system shall continue to depend upon and use a single SQL Server 2008 database")
        cue=r"\b(?:system|application|service|product|platform|software|app|server|portal|solution) "
        r"(?:depends|relies|(?:will|shall|must|would)(?: continue to| also)? (?:depend|rely)) (?:up)?on\b|\b(?:we assume|it is assumed|assumptions? (?:is|are))\b"
        # what real SRS documents name as what it needs: "requires a working Java environment",
        # "Microsoft SQL Server will be required", "uses the Qt graphical library", "is
        # critically dependent upon the … network", "third party libraries"
        # (but "a number that is dependent upon the user's location" is behaviour)
        r"|\b(?:is|are|be) (?:\w+ly )?dependent (?:up)?on (?:the |an? )?(?:[\w'’-]+ ){0,4}?"
        r"(?:networks?|systems?|services?|operation|availability|stability|performance|software|hardware|infrastructure|"
        r"providers?|vendors?|librar(?:y|ies)|databases?|servers?)\b|\b(?:is|are) assumed to\b"
        r"|\b(?:requires?|required) (?:an? |the )?(?:working |compatible |active )?(?:(?!to\b)[\w./+-]+ ){0,2}"
        r"(?:java|jre|jvm|browser|internet(?: connection)?|internet service provider|isp|servers?|database|dbms|librar(?:y|ies)|plug-?in|runtime|"
        r"environment|operating system|framework|toolkit|sdk|interpreter|virtual machine|drive|connection)\b"
        r"|\buses (?:the |an? )?(?:[\w./+-]+ ){0,3}(?:librar(?:y|ies)|framework|toolkit|runtime|internet connection)\b"
        # "An Internet connection and a browser are required", "built on a common … Service"
        r"|\b(?:java|jre|jvm|browser|internet connection|servers?|database|dbms|librar(?:y|ies)|plug-?in|runtime|"
        r"operating system|framework)\b[^.;]{0,40}\b(?:is|are|will be|shall be) required\b"
        r"|\bbuilt (?:on|upon) (?:an? |the )?(?:[\w-]+ ){0,5}(?:services?|platforms?|frameworks?|librar(?:y|ies)|infrastructure)\b"
        r"|\bthird[- ]party (?:librar(?:y|ies)|applications?|software|components?|tools|services?|products?)\b"
        # "The Mashbot software integrates some external software to provide functionality."
        r"|\bintegrates? (?:with )?(?:some |an? |the )?(?:external|third[- ]party|existing|outside) (?:software|systems?|services?|components?)\b",
        note_cue=r"\b(?:[Tt]he|[Oo]ur|[Tt]his|[Ee]ach) (?:[\w'-]+ ){0,3}?(?:depends|relies|will depend|will rely) on\b(?! the fact)",
    ),
    ItemSpec(
        "acceptance",
        "Acceptance criteria",
        False,
        "How will the result be accepted: which tests, measured how, passed when?",
        "without acceptance criteria the project never ends, or ends in a dispute",
        # MIL-STD-498's SRS sets its acceptance out as "Qualification Provisions"
        heading=r"acceptance|verification|testing|test plan|tests|test strategy|unit tests|e2e tests|integration tests|graduation criteria|quality assurance|qualification (?:provisions|methods?)",
        cue=r"\b(?:acceptance (?:criteria|tests?)|accepted (?:when|if)|(?:shall|will|must) be (?:verified|tested|demonstrated)|test cases?|"
        # "A system will be considered to meet this requirement if …", "99% up-time should be
        # considered sufficient to meet this requirement"
        r"(?:considered|deemed) (?:to (?:meet|satisfy|fulfil+) (?:this|the) requirement|sufficient to (?:meet|satisfy))|"
        # "The RLCS must demonstrate the ability to function continuously … for at least 30 days"
        r"(?:must|shall|will) demonstrate (?:the ability|that|compliance)|"
        # "The program shall test all software changes in the designated test environment", "The
        # QA/QC Team must perform regression testing against all scheduled builds"
        # (but "These questions will test the user's knowledge" is a function's)
        r"(?:must|shall|will) (?:test (?:all|each|every|the) (?:[\w-]+ ){0,2}?(?:changes|software|hardware|system|releases?|builds?|modules?|components?)|"
        r"(?:perform|conduct|carry out) (?:[\w/-]+ ){0,3}?testing)|"
        # a release criterion: "Mashbot can not be released unless it satisfies these requirements"
        r"(?:can ?not|must not|shall not|will not) be (?:released|accepted|delivered|deployed) (?:unless|until))\b",
    ),
    ItemSpec(
        "timeline",
        "Timeline and milestones",
        False,
        "When is it needed: milestones, deadlines, release dates?",
        "the schedule limits what can be built",
        heading=r"timeline|schedule|milestones?|deadlines?|roadmap|implementation history|release plan|project plan|phases?",
        # "data delivered by IDPS" names a sender; "delivered by 1 March", below, a date
        cue=r"\b(?:deadline|milestones? (?:is|are|on|by)|due (?:by|on)|"
        # "completed within twelve months", "delivered by 1 March": a time, not "completed by the player"
        rf"(?:be )?(?:completed|delivered|finished|operational|in production) (?:within (?:\d+|[a-z]+) (?:days|weeks|months|years)|"
        rf"(?:by|before) (?:the end of |\d|Q[1-4]\b|(?:{_MONTHS})\b))|"
        r"(?:[A-Z][\w ]{2,40} [–-] \d{1,2}/\d{1,2}/\d{4}\b.*?){2}|"
        # a document's approval form has a "DOCUMENT RELEASE DATE"; a system's release date is a plan
        rf"by (?:Q[1-4]|(?:{_MONTHS}))|(?<!document )(?:(?<!\A)release date|\Arelease date(?!\s*:))|go.live|"
        # "will be launched in June 2003", "to be released December 15, 2001", "implemented … in the
        # 2nd quarter 2004", "available by October, 2001"
        rf"(?:launched|released|implemented|installed|deployed|rolled out|available|submitted) (?:[\w-]+ ){{0,4}}?"
        rf"(?:(?:in|by|on|before|during) )?(?:the )?(?:(?:{_MONTHS}),? (?:\d{{1,2}}, )?\d{{4}}|(?:1st|2nd|3rd|4th|first|second|third|fourth) quarter(?: of)? \d{{4}}|Q[1-4] \d{{4}}|FY ?\d\d))\b",
        needs_pattern=rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|(?:within|in) (?:\d+|[a-z]+) (?:weeks|months|years)|Q[1-4] \d{{4}}|(?:{_MONTHS}),? (?:\d{{1,2}}, )?\d{{4}}|\d{{1,2}} (?:{_MONTHS})\b|quarter(?: of)? \d{{4}}|FY ?\d\d|week \d+|sprint \d+|v?1\.\d+\b)",
    ),
    ItemSpec(
        "glossary",
        "Glossary",
        False,
        "Which terms need defining, and what do they mean?",
        "the same word meaning two things is the cheapest bug to prevent",
        # "Actor Definitions", "Type definitions", "Load Thermostat Definitions (SRS-002)" define
        # the actors, the types and a function's data, not the document's words: a noun before
        # "definitions" says what is defined, where any words may come before "glossary". One
        # "Definition" heads what one thing is (a component's, in PURE's Open Watcom port).
        heading=r"(?:[\w-]+ ){0,2}glossary(?: of terms)?|(?:(?:key|basic|general|common|other|important) )?"
        r"(?:definitions|terminology)(?: of terms)?|definition of terms|abbreviations|acronyms|terms",
    ),
    ItemSpec(
        "open_issues",
        "Open issues",
        False,
        "Which decisions are still open, and who will make them by when?",
        "open decisions left unlisted are made by accident",
        heading=r"open issues|open questions|unresolved questions|issues(?: list)?|to be decided|tbd|todo",
        # what open points read as left for later (LEFT_FOR_LATER); a "TODO" is the writer's own
        # chore ("TODO – Reference the whole project dependency flow")
        cue=rf"\b(?:TBD|TBC|{LEFT_FOR_LATER}|[Oo]pen (?:issue|question)|OPEN QUESTION|"
        r"(?:will )?(?:require|need)s? further (?:specification|definition|discussion|analysis|study))\b"
        # a template's placeholder left for a figure: "must not exceed <xx> hours per <period>"
        r"|<(?:[Xx]{2,}|[Xx]{2,}:\d\d|TBD|tbd)>",
    ),
)

# A purpose section's sentences read for the one that names the system (see ItemSpec.prefer).
_EARLY = 5
# Evidence quoted per item; more would drown the answer.
MAX_QUOTES = 3

# Words that may follow an item's heading word without changing what the section is about:
# "Security Implications", "Performance overhead", "Version Skew Strategy", "Test Plan".
_HEADING_SUFFIX = (
    r"considerations|implications|requirements?|criteria|section|strategy|plan|planning|explanation|overview|"
    r"issues|questions|notes|changes|history|model|specifications?|overhead|details|statement|items|characteristics|"
    r"descriptions?"
)
# "3.2 ", "A.1 ", "(Optional)", "[Scoped for Beta]": numbering and qualifiers around a title.
_TITLE_NOISE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:appendix\s+[a-z0-9]{1,3}\s*[:.\-–]\s*)?|\s*[(\[][^)\]]*[)\]]\s*|\W+$",
    re.IGNORECASE,
)


# One pattern object per item for the whole run, so that the caches keyed on it hit.
@lru_cache(maxsize=256)
def _title_matcher(spec: ItemSpec) -> re.Pattern[str] | None:
    if spec.heading is None:
        return None
    # "Usability related specifications", "Security-related requirements": the item's word, then
    # "related" and a suffix; "Purpose of the Product", "The Users of the Product" (Volere): of
    # what the document specifies
    return re.compile(
        rf"(?:{spec.heading})(?:(?:[- ]related)?\s+(?:{_HEADING_SUFFIX}))?(?:\s+{_OF_THE_PRODUCT})?", re.IGNORECASE
    )


_OF_THE_PRODUCT = r"of (?:the |this )*(?:[\w-]+ ){0,2}(?:product|system|software|application|tool|solution)"


# (not the "and" of one term: "Look and Feel Requirements")
_AND = re.compile(r"(?<!\blook) and (?!feel\b)", re.IGNORECASE)
_SCREEN = re.compile(r"\b(?:window|screen|dialog(?: box)?|form|panel|tab|button)s?$", re.IGNORECASE)


# A bundle repeats its headings in every sentence's path: each (item, title) is judged once.
@lru_cache(maxsize=65_536)
def is_item_title(pattern: re.Pattern[str], title: str) -> bool:
    """Whether a heading is a section the item has to itself: the whole title names it, or one
    part of a joined title does ("Terminology and goals", "Notes/Constraints/Caveats"). A title
    that merely starts with the word is about something else ("Summary of changes to PEP 517")."""
    cleaned = _TITLE_NOISE.sub(" ", title).strip()
    if _SCREEN.search(cleaned) and pattern.pattern not in _SCREEN_ITEMS:
        # "Time Stamp, User, and Workstation ID Window" (PURE's RLCS) is a screen and the fields
        # it shows: a function of the system, not its users
        return False
    # "X and Y" is mostly about X ("Terminology and goals" defines terms, "Feature Enablement and
    # Rollback" is about enabling); a lone word X that names no item shares Y's noun ("Design and
    # Implementation Constraints"). "X/Y/Z" lists equals.
    # (in any case: "SYSTEM INTEGRATION AND DATA EXCHANGE" is a heading in capitals)
    first, second = (*_AND.split(cleaned, maxsplit=1), "")[:2]
    if _names(pattern, first):
        return True
    if second and pattern.pattern == _GLOSSARY_PATTERN and _names(pattern, second):
        # "Document Conventions and Terminology": whatever comes first, a section that says it
        # holds terminology defines terms
        return True
    shares = bool(second) and " " not in first.strip() and not any(_names(other, first) for other in _MATCHERS.values())
    return shares and _names(pattern, second)


def _names(pattern: re.Pattern[str], title: str) -> bool:
    parts = re.split(r"\s*(?:/|,|&)\s*", title)
    return any(pattern.fullmatch(part.strip()) for part in parts if part.strip())


# Sections that argue, compare or look back: a "Security" under "Rejected Ideas" is not the
# design's security section. Under the item's own heading, a "Background" or "Rationale" is an
# aside too; above it, "Motivation" and "Rationale" may hold a KEP's Goals or a PEP's Use cases.
_ASIDE = re.compile(
    r"\b(?:rejected|alternatives?|prior art|drawbacks|faq|frequently asked|appendix|comparison|"
    r"acknowledge?ments|references|footnotes|copyright)\b",
    re.IGNORECASE,
)
_ASIDE_WITHIN = re.compile(rf"{_ASIDE.pattern}|\b(?:background|rationale|motivation|risks?)\b", re.IGNORECASE)


def _owner(pattern: re.Pattern[str], path: tuple[str, ...], others: list[re.Pattern[str]]) -> int | None:
    """Where in ``path`` the heading stands that makes a sentence part of the item's section, if
    any. A subsection devoted to another item belongs to that one: a KEP's "Proposal > User
    Stories" are users, not functions, and "Design Details > Test Plan" is acceptance."""
    for position in range(len(path) - 1, -1, -1):
        if not _claims(pattern, path, position):
            continue
        above, below = path[:position], path[position + 1 :]
        if any(_ASIDE.search(title) for title in above):
            return None
        if any(_ASIDE_WITHIN.search(title) for title in below):
            return None
        if any(_claims(other, path, index) for index in range(position + 1, len(path)) for other in others):
            return None
        return position
    return None


# A PEP's "Use cases" says who uses it; an SRS's "Use Case" under a feature of its functional
# requirements is a function, written as steps (agentMom's, Triangulation Games'). So a use-case
# heading is the users' only where no functions heading stands above it.
_FUNCTION_STEP = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:inputs?|outputs?|ouputs?)\W*", re.IGNORECASE)
_GENERIC_OPENING = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:introduction|overview|summary)\W*", re.IGNORECASE)
# An "Introduction" that opens on the document ("The FRS report provides …") may go on to the
# system; an "Overview" that does is the document's road map
_ROAD_MAP_TITLE = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:document )?overview\W*", re.IGNORECASE)
_USE_CASES = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?use[- ]cases?\W*", re.IGNORECASE)


def _claims(pattern: re.Pattern[str], path: tuple[str, ...], index: int) -> bool:
    """Whether ``path[index]`` is a heading of the item ``pattern`` matches, where it stands."""
    if not is_item_title(pattern, path[index]):
        return False
    if pattern.pattern != _MATCHERS["glossary"].pattern and any(
        is_item_title(_MATCHERS["glossary"], title) for title in path[:index]
    ):
        # "Definitions > Actor", "Definitions > System": under a glossary a subsection is a term
        # defined (PURE's Moodle SRS), not the item its title names
        return False
    if pattern.pattern == _MATCHERS["purpose"].pattern and _GENERIC_OPENING.fullmatch(path[index]):
        # "3.1 External Interfaces > 3.1.1 User Interfaces > 3.1.1.1 Introduction" introduces
        # the user interfaces, not the system: an opening heading inside another item's section
        # is that section's
        purpose = _MATCHERS["purpose"]
        others = [matcher for matcher in _MATCHERS.values() if matcher is not purpose]
        if any(is_item_title(other, title) for title in path[:index] for other in others):
            return False
    # IEEE 830 describes each function by its "Inputs", "Processing" and "Outputs": under a
    # functions heading they are the function's steps ("Left-clicked down on a block"), not data
    if pattern.pattern == _MATCHERS["data"].pattern and _FUNCTION_STEP.fullmatch(path[index]):
        functions = _MATCHERS["functions"]
        if any(is_item_title(functions, title) for title in path[:index]):
            return False
    # compared by text: re's cache may hand back another object for the same pattern
    if pattern.pattern == _MATCHERS["users"].pattern and _USE_CASES.fullmatch(path[index]):
        functions = _MATCHERS["functions"]
        return not any(is_item_title(functions, title) for title in path[:index])
    return True


_MATCHERS = {spec.key: matcher for spec in ITEMS if (matcher := _title_matcher(spec)) is not None}
# the items a screen's section may be: what the system does on it, and how people use it
_SCREEN_ITEMS = {_MATCHERS[key].pattern for key in ("functions", "usability", "interfaces")}
_GLOSSARY_PATTERN = _MATCHERS["glossary"].pattern


def build_checklist(
    documents: tuple[Document, ...], requirements: tuple[Requirement, ...]
) -> tuple[ChecklistItem, ...]:
    """Each item answered from the best evidence the bundle has for it, in this order: the
    specification's own section for the item (its "Abstract", "Non-Goals", "Test Plan"); failing
    that, requirement statements classified under the item; failing that, sentences whose words
    state it. Only the best kind is quoted: a section written for the item outranks a sentence
    that happens to share a word with it, and mixing them put the wrong sentence first."""
    outlines = {document.path: section_paths(document) for document in _specifications(documents)}
    stating = _CueCandidates(documents, outlines)
    return tuple(_item(spec, documents, requirements, outlines, stating) for spec in ITEMS)


# Where the purpose sections speak only of the document, IEEE 830's layout says where the system
# is: "1.1 Purpose" states the document's purpose, "1.2 Scope" names the product and says what
# it will do, and "2.1 Product Perspective" places it among others. Tried in this order.
_PURPOSE_ELSEWHERE = (
    next(spec.heading for spec in ITEMS if spec.key == "scope"),
    r"product perspective|(?:product|system) (?:overview|description)",
)


def _purpose_sections(
    spec: ItemSpec, documents: tuple[Document, ...], outlines: dict[str, tuple[tuple[str, ...], ...]]
) -> _SectionEvidence | None:
    """The purpose's sections: the first in IEEE 830's order with a sentence that names the
    system and says what it is or does; failing that, the first that says anything of the system.

    A purpose section often opens on the background ("In third quarter 2004, ABC Paint will
    migrate to a new paint numbering scheme.") while the Scope or the Product Perspective names
    the system ("The ColorKast solution is a server based application …"): the naming sentence
    answers "What system is to be built?", the background does not."""
    sections = _section_evidence(spec, documents, outlines)
    first = sections if sections is not None and sections.quotes and not sections.about_only else None
    if first is not None and _naming(spec, first):
        return first
    for heading in _PURPOSE_ELSEWHERE:
        elsewhere = _section_evidence(replace(spec, heading=heading), documents, outlines)
        if elsewhere is None or not elsewhere.quotes or elsewhere.about_only:
            continue
        if _naming(spec, elsewhere):
            return elsewhere
        first = first or elsewhere
    return first or sections


def _naming(spec: ItemSpec, sections: _SectionEvidence) -> list[Quote]:
    """The sentences of an item's sections that name what the item asks for (ItemSpec.prefer)."""
    assert spec.prefer is not None
    searched = sections.quotes + {"opening": [], "early": sections.early, "all": sections.rest}[spec.prefer_within]
    return [q for q in searched if re.search(spec.prefer, q.text, re.IGNORECASE) and not _GOES_ON.match(q.text)]


# A sentence that goes on from another ("Also central trading system provides some interfaces
# to send messages …", "In addition, …") adds to what the system is; it does not say it.
_GOES_ON = re.compile(r"\W*(?:also|in addition|additionally|moreover|furthermore|besides)\b", re.IGNORECASE)


def _item(
    spec: ItemSpec,
    documents: tuple[Document, ...],
    requirements: tuple[Requirement, ...],
    outlines: dict[str, tuple[tuple[str, ...], ...]],
    stating: _CueCandidates,
) -> ChecklistItem:
    if spec.key == "purpose":
        sections = _purpose_sections(spec, documents, outlines)
    else:
        sections = _section_evidence(spec, documents, outlines)
    if sections is not None and not sections.quotes and sections.undecided:
        # "3.3 Performance Requirements: TBD": the document knows the item and leaves it open
        return ChecklistItem(
            spec.key,
            spec.title,
            "missing",
            spec.blocking,
            sections.undecided[:1],
            spec.question,
            "the document's own section for it says it is still to be decided",
        )
    if sections is not None and not sections.quotes and not sections.empty:
        sections = None  # a heading with nothing under it (a template left empty) says nothing
    if sections is not None and not sections.quotes:
        # The document has the section and fills it with "None", "N/A", "No": it states the
        # answer, and a reviewer would not ask again. Open issues are the exception: "None"
        # there means nothing is open, which answers no question of the item's.
        return ChecklistItem(
            spec.key,
            spec.title,
            "missing" if spec.key == "open_issues" else "answered",
            spec.blocking,
            sections.empty[:1],
            None,
            "the document's own section for it says there is none",
        )
    if sections is not None:
        quotes = sections.quotes
        if spec.prefer is not None:
            quotes = _naming(spec, sections) or quotes
    else:
        quotes = _unique([Quote(r.text, r.location) for r in requirements if _addresses(spec, r)])
        if spec.binding_first:
            quotes = [q for q in quotes if _BINDING.search(q.text)] or quotes
        if not quotes:
            quotes = _unique(_cue_quotes(spec, stating))
    if not quotes:
        return ChecklistItem(
            spec.key, spec.title, "missing", spec.blocking, (), spec.question, _missing_reason(spec, documents)
        )
    if spec.needs_number:
        # Where the item's section has no number, a numbered statement elsewhere answers it
        # ("Response time … no longer than five minutes" under an SRS's "Design Constraints").
        numbered = [q for q in quotes if _has_number(spec, q.text)]
        if not numbered and sections is not None:
            numbered = [q for q in sections.rest if _has_number(spec, q.text)][:1]
        if not numbered and sections is not None and spec.numbered_only:
            elsewhere = [Quote(r.text, r.location) for r in requirements if _addresses(spec, r)]
            numbered = [q for q in _unique(elsewhere + _cue_quotes(spec, stating)) if _has_number(spec, q.text)]
        if not numbered:
            return _partly(spec, quotes, "the bundle addresses it, but with no number that a test could check")
        quotes = _unique(numbered if spec.numbered_only else numbered + quotes)
    if spec.needs_pattern is not None and not any(re.search(spec.needs_pattern, q.text) for q in quotes):
        return _partly(spec, quotes, "the bundle speaks of it, but names nothing a plan could be checked against")
    if spec.key == "open_issues":
        return ChecklistItem(
            spec.key,
            spec.title,
            "partly answered",
            spec.blocking,
            tuple(quotes[:MAX_QUOTES]),
            "The bundle marks decisions as open (quoted): who decides them, and by when?",
            "open items are listed, but not yet decided",
        )
    return ChecklistItem(
        spec.key,
        spec.title,
        "answered",
        spec.blocking,
        tuple(quotes[:MAX_QUOTES]),
        None,
        "answered by the quoted statements",
    )


def _has_number(spec: ItemSpec, text: str) -> bool:
    return any(m.quantity in spec.number_quantities or m.unit in {"%", "ms", "s"} for m in find_measures(text))


def _partly(spec: ItemSpec, quotes: list[Quote], reason: str) -> ChecklistItem:
    """Partly answered: the question quotes what the bundle does say and asks for the rest."""
    question = f"{_cite(quotes[0])} says “{_short(quotes[0].text)}”: what exactly — {spec.question[0].lower()}{spec.question[1:]}"
    return ChecklistItem(
        spec.key, spec.title, "partly answered", spec.blocking, tuple(quotes[:MAX_QUOTES]), question, reason
    )


def _addresses(spec: ItemSpec, requirement: Requirement) -> bool:
    if spec.key == "hardware":
        return mentions_hardware(requirement.text)
    if requirement.category not in spec.categories:
        return False
    if spec.key == "functions":
        # a statement the document files under its non-functional requirements ("NON
        # -FUNCTIONAL REQUIREMENTS", as a PDF spaces it) is a quality, not a function
        return _NON_FUNCTIONAL.search(requirement.location.section or "") is None
    # the classifier alone is not enough on prose it was not trained on (a PEP's Abstract
    # "should be easy to use" is not a usability target): the sentence's words must agree
    return spec.cue is not None and re.search(spec.cue, requirement.text, re.IGNORECASE) is not None


_BINDING = re.compile(r"\b(?:shall|must|is required to|are required to)\b", re.IGNORECASE)
_NON_FUNCTIONAL = re.compile(r"\bnon\s*-?\s*functional\b", re.IGNORECASE)


def _specifications(documents: tuple[Document, ...]) -> list[Document]:
    return [d for d in documents if d.profile is not None and d.profile.kind == "specification"]


@dataclass
class _SectionEvidence:
    """What the item's own sections hold: the first sentences of each (quoted), the rest (searched
    for a number), and the non-answers ("None at this point.") when that is all there is."""

    quotes: list[Quote] = field(default_factory=list)
    rest: list[Quote] = field(default_factory=list)
    early: list[Quote] = field(default_factory=list)  # the rest's first few per section
    empty: tuple[Quote, ...] = ()
    undecided: tuple[Quote, ...] = ()  # "TBD": the document leaves it open
    # sentences about the document ("The purpose of this document is …"), quoted for the
    # purpose only when its sections hold nothing else ("This document specifies X." of an RFC)
    about: list[Quote] = field(default_factory=list)
    about_only: bool = False


def _section_evidence(
    spec: ItemSpec, documents: tuple[Document, ...], outlines: dict[str, tuple[tuple[str, ...], ...]]
) -> _SectionEvidence | None:
    """The item's own sections in the specifications, with their subsections; None when there is none."""
    pattern = _title_matcher(spec)
    if pattern is None:
        return None
    others = [matcher for key, matcher in _MATCHERS.items() if key != spec.key]
    found = False
    evidence = _SectionEvidence()
    empty: list[Quote] = []
    undecided: list[Quote] = []
    # a section's owner depends on its path only, which its sentences and copies share
    owners: dict[tuple[str, ...], int | None] = {}
    for document in _specifications(documents):
        paths = outlines[document.path]
        positions = []
        for path in paths:
            if path not in owners:
                owners[path] = _owner(pattern, path, others)
            positions.append(owners[path])
        # "Introduction > Purpose" is the purpose; the Introduction's other subsections ("Document
        # Conventions", "Intended Audience") are not, once the item has a subsection of its own.
        owning = {path[: position + 1] for path, position in zip(paths, positions, strict=True) if position is not None}
        has_own_subsection = {section[:depth] for section in owning for depth in range(1, len(section))}
        taken: dict[tuple[str, ...], int] = {}
        seen: dict[tuple[str, ...], int] = {}
        # An "Overview" that opens on the document ("The SRS is divided into four major
        # sections: …") is its road map to the end, list items and wrapped lines included
        opened: set[tuple[str, ...]] = set()
        road_maps: set[tuple[str, ...]] = set()
        previous_about = False
        for sentence, path, position in zip(document.sentences, paths, positions, strict=True):
            if position is None:
                previous_about = False
                continue
            found = True
            owner = path[: position + 1]
            if owner in has_own_subsection and len(path) > position + 1:
                continue
            if sentence.block_kind in ("heading", "comment", "metadata"):
                continue
            quote = Quote(sentence.text, sentence.location)
            if _TO_BE_DECIDED.fullmatch(sentence.text.strip()) or _DEFERRED.match(sentence.text):
                undecided.append(quote)
                continue
            if _NON_ANSWER.match(sentence.text):
                # "No." under a KEP's "Will enabling this feature result in any new API calls?"
                # answers the heading's question, not the item's
                if not path[-1].rstrip().endswith("?"):
                    empty.append(quote)
                continue
            if not _states(sentence.text):
                continue
            previous_about = about_the_document(sentence.text, previous_about)
            if previous_about or owner in road_maps:
                evidence.about.append(quote)
                if owner not in opened and _ROAD_MAP_TITLE.fullmatch(owner[-1]):
                    road_maps.add(owner)
                opened.add(owner)
                continue
            opened.add(owner)
            if spec.key == "purpose" and _NOT_WHAT_IT_IS.match(sentence.text):
                continue
            if spec.key == "usability" and _USER_INTERFACES.fullmatch(owner[-1]) and not _says_usable(sentence.text):
                continue
            if spec.key == "users" and _ACTORS.fullmatch(owner[-1]) and not _A_PERSON.search(sentence.text):
                continue
            if taken.get(owner, 0) >= spec.per_section:
                evidence.rest.append(quote)
                seen[owner] = seen.get(owner, 0) + 1
                if seen[owner] < _EARLY:
                    evidence.early.append(quote)
                continue
            taken[owner] = taken.get(owner, 0) + 1
            evidence.quotes.append(quote)
    if not found:
        return None
    if spec.key in ("purpose", "scope") and not evidence.quotes and evidence.about:
        evidence.quotes = evidence.about[:PER_SECTION]
        evidence.about_only = True
    evidence.empty = tuple(empty)
    evidence.undecided = tuple(undecided)
    return evidence


def _states(text: str) -> bool:
    """A sentence that says something by itself: not a stub, a lead-in to a list ("This proposal
    aims to:", "The specific requirements are –"), a question, or a link or reference line. A
    requirement's identifier in brackets ("[SRSreq 156] The GUI shall …") leads a statement."""
    stripped = text.strip()
    if _COPYRIGHT.search(stripped):
        return False  # a page's footer ("Copyright © 2005 by …", "All rights reserved.")
    if _is_header_row(stripped):
        return False
    return (
        len(stripped.split()) >= 4
        and not stripped.endswith((":", "?", "–", " -", ":-"))
        and not re.match(r"^(?:https?://|<|\[\d+\]|\[[^\]]*\]\()", stripped)
    )


# A table's header row: three cells or more, each a label of one to three capitalised words
# ("ID | Requirement | Source | Comment | Criticality", "Revision | Issue Date | Status"). It names
# the columns and states nothing; a glossary's row has two cells, a data row its figures.
_HEADER_CELL = re.compile(r"[A-Z][A-Za-z/&().'’-]*(?: (?:[A-Z(&/][A-Za-z/&().'’-]*|of|and|or|to|by)){0,2}")


def _is_header_row(text: str) -> bool:
    cells = text.split(TABLE_CELL_SEPARATOR)
    return len(cells) >= 3 and all(_HEADER_CELL.fullmatch(cell.strip()) for cell in cells)


_COPYRIGHT = re.compile(r"^\W*(?:copyright\b|\(c\)\s*\d{4}|©)|\ball rights reserved\b", re.IGNORECASE)


# What the system is and does is not said by a note to the reader or by a sentence about the
# requirements themselves ("These requirements will include …", "The minimum set of requirements
# for the product to be accepted"), which an SRS's Introduction and Overview hold; nor by its
# licence ("… is an OSI Certified Open Source Software distributed under the terms of the GPL").
_NOT_WHAT_IT_IS = re.compile(
    r"^\W*(?:note\b|(?:the |these |those |all |such |each )?(?:minimum set of |following |specific )?requirements?\b)"
    r"|.*\b(?:distributed|licen[cs]ed|released) under\b"
    # what is left out is scope: "Any undocumented requirements will be considered out of scope
    # and will not be implemented during this phase" (under an FRS's "Purpose")
    r"|.*\b(?:(?:is|are|be) (?:considered )?out of scope|will not be implemented)\b",
    re.IGNORECASE,
)
# An SRS's "User Interfaces" section lists screens and what they do ("UI-2: The user interface
# uses one main window", "compatible to any browser"): only what it says of how people manage
# with them (easy, learn, help, error messages) answers usability
_USER_INTERFACES = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:graphical )?user interfaces?\W*", re.IGNORECASE)
_USABLE = re.compile(
    r"\b(?:easy|easily|eas(?:e|ier) of use|intuitive|user[- ]friendly|learn\w*|train(?:ing|ed)|novices?|"
    r"experienced|help|error messages?|consisten\w*|familiar|accessib\w*|usab\w*|readable|legible|"
    r"look and feel|disabilit\w*|self-explanatory|guid(?:e|ance)|undo)\b",
    re.IGNORECASE,
)

# A use case's "Actors" are people and other systems alike ("External PA: Negotiates with the PA of
# the primary CDN", PURE's CDN peering SRS): only those that are people say who uses the system
_ACTORS = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?actors?(?:\s*\(s\))?\W*", re.IGNORECASE)
_A_PERSON = re.compile(
    r"\b(?:(?:end[- ])?users?|customers?|clients?|administrators?|admins?|operators?|staff|members?|clerks?|managers?|"
    r"employees?|students?|teachers?|instructors?|patients?|doctors?|nurses?|people|persons?|individuals?|visitors?|"
    r"buyers?|sellers?|drivers?|players?|owners?|donors?|associates?|representatives?|officers?|analysts?|engineers?|"
    r"developers?|testers?|citizens?|residents?|applicants?|subscribers?|guests?|humans?|someone|anyone|public)\b",
    re.IGNORECASE,
)


def _says_usable(text: str) -> bool:
    """A word of _USABLE in the sentence's own words: "HELP" among a screen's menu labels in
    capitals ("MY ACCOUNT AUTOMECHANICS HELP", a mock-up's text) says nothing of usability."""
    return any(not match.group(0).isupper() for match in _USABLE.finditer(text))


# "Personnel requirements shall be determined by the developers of the system in which …": the
# section leaves its item to someone else, as "TBD" does
_DEFERRED = re.compile(
    r"^\W*(?:the )?(?:[\w-]+ ){0,3}requirements? (?:shall|will|are to|is to|must|need to) be (?:determined|decided|defined|specified|identified)"
    r" (?:by|later|during|in|at)\b",
    re.IGNORECASE,
)
_TO_BE_DECIDED = re.compile(r"\W*(?:TBD|TBC|TBA|to be (?:determined|decided|defined|confirmed))\W*", re.IGNORECASE)
# "No new infrastructure needed.", "None.", "N/A": a section filled in with nothing answers
# nothing, however well its heading matches the item.
# "Presently there are no remaining TBDs." under a TBD list says the same.
_NON_ANSWER = re.compile(
    r"^\W*(?:No|None|N/?A|Not applicable|Nothing|n/a|(?:presently |currently |at present |at this time )?there (?:are|is) no|"
    # "Assumptions and Dependencies: Do not exist." (PURE's PeaZip SRS)
    r"(?:they |these |such \w+ )?do(?:es)? not exist)\b",
    re.IGNORECASE,
)

# "MMF Business Requirements Definition" defines requirements, not terms
_DEFINITIONS = re.compile(
    r"\b(?:terminology|glossary|definitions|definition of terms|abbreviations|acronyms)\b", re.IGNORECASE
)

# Beside specifications, documents of these kinds speak for the project: meeting notes and
# e-mails ("other") often hold the dependencies and dates a specification leaves out. News,
# code and data do not.
_NOTE_KINDS = {"other"}


class _CueCandidates:
    """The sentences a cue may quote, worked out once for all items, lazily.

    Sentences outside the sections that argue or look back (a "must" in a Rationale is an
    argument), from specifications first, then project notes when the bundle has a specification
    at all (a lone news report answers nothing). A data room repeats sentences (copies,
    overlapping excerpts, boilerplate), so each cue is tried once per distinct sentence."""

    def __init__(self, documents: tuple[Document, ...], outlines: dict[str, tuple[tuple[str, ...], ...]]) -> None:
        self.documents = documents
        self.outlines = outlines
        self._sentences: list[tuple[Sentence, bool]] | None = None
        self._discursive: list[Sentence] = []
        # each sentence's number among the distinct (text, is a note) of ``sentences``, which a
        # cue is tried on once each
        self.numbers: list[int] = []
        self.distinct: list[tuple[str, bool]] = []

    @property
    def sentences(self) -> list[tuple[Sentence, bool]]:
        """(sentence, whether its document is a project note), in document order."""
        if self._sentences is None:
            self._sentences = []
            speaking = _specifications(self.documents)
            if speaking:
                speaking += [d for d in self.documents if d.profile is not None and d.profile.kind in _NOTE_KINDS]
            # A data room repeats sentences and section paths thousands of times (copies,
            # overlapping excerpts, boilerplate): each distinct one is judged once. On a
            # 10,000-document room, 147,878 sentences hold 18,422 distinct texts.
            path_kind: dict[tuple[str, ...], str] = {}
            states: dict[str, bool] = {}
            answers: dict[str, bool] = {}
            numbers: dict[tuple[str, bool], int] = {}
            for document in speaking:
                is_note = document.path not in self.outlines
                paths = self.outlines.get(document.path) or section_paths(document)
                for sentence, path in zip(document.sentences, paths, strict=True):
                    if sentence.block_kind in ("heading", "comment", "metadata"):
                        continue
                    kind = path_kind.get(path)
                    if kind is None:
                        kind = path_kind[path] = _path_kind(path)
                    text = sentence.text
                    if kind == "discursive":
                        stated = states.get(text)
                        if stated is None:
                            stated = states[text] = _states(text)
                        if stated:
                            self._discursive.append(sentence)
                        continue
                    if kind == "definitions":
                        continue  # a definition explains a word; it states nothing about the system
                    answer = answers.get(text)
                    if answer is None:
                        answer = answers[text] = (
                            not _NON_ANSWER.match(text) and _states(text) and not about_the_document(text)
                        )
                    if answer:
                        self._sentences.append((sentence, is_note))
                        key = (text, is_note)
                        number = numbers.get(key)
                        if number is None:
                            number = numbers[key] = len(numbers)
                        self.numbers.append(number)
            self.distinct = list(numbers)
        return self._sentences

    @property
    def discursive(self) -> list[Sentence]:
        """The specifications' sentences in sections that argue: only a decisive cue reads them."""
        _ = self.sentences  # both lists are made in one pass
        return self._discursive


def _path_kind(path: tuple[str, ...]) -> str:
    """Whether a section path argues or looks back ("discursive"), defines words
    ("definitions"), or may state what the system is ("stating")."""
    if is_discursive(path):
        return "discursive"
    if any(_DEFINITIONS.search(title) for title in path):
        return "definitions"
    return "stating"


def _cue_quotes(spec: ItemSpec, stating: _CueCandidates) -> list[Quote]:
    """Sentences whose words state the item (see _CueCandidates for which are read)."""
    if spec.cue is None:
        return []
    flags = re.IGNORECASE if spec.key != "open_issues" else 0
    pattern = re.compile(spec.cue, flags)
    note_pattern = re.compile(f"{spec.cue}|{spec.note_cue}" if spec.note_cue else spec.cue, flags)
    sentences = stating.sentences  # judged first: this fills ``distinct`` and ``numbers``
    found = [(note_pattern if is_note else pattern).search(text) is not None for text, is_note in stating.distinct]
    quotes = [
        Quote(sentence.text, sentence.location)
        for (sentence, _), number in zip(sentences, stating.numbers, strict=True)
        if found[number]
    ]
    if spec.decisive_cue is not None:
        decisive = re.compile(spec.decisive_cue, flags)
        quotes += [Quote(s.text, s.location) for s in stating.discursive if decisive.search(s.text)]
    return quotes


def _unique(quotes: list[Quote]) -> list[Quote]:
    seen: set[str] = set()
    result = []
    for quote in quotes:
        if quote.text not in seen:
            seen.add(quote.text)
            result.append(quote)
    return result


def _missing_reason(spec: ItemSpec, documents: tuple[Document, ...]) -> str:
    kinds: dict[str, int] = {}
    for document in documents:
        if document.profile is not None:
            kinds[document.profile.kind] = kinds.get(document.profile.kind, 0) + 1
    if not documents:
        return f"the bundle holds no readable document; {spec.why}"
    if not _specifications(documents):
        listed = ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in sorted(kinds.items()))
        return f"no document is a specification ({listed}), so nothing states it; {spec.why}"
    return f"no statement or section in the specification documents addresses it; {spec.why}"


def _cite(quote: Quote) -> str:
    return quote.location.cite()


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
