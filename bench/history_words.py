"""Word lists the history generator builds its names and texts from.

Kept apart from the generator so the code reads without scrolling past data.
Names include accents and non-Latin scripts on purpose: search must fold them.
"""

FIRST_NAMES = (
    "Zoë Ana José Chloé Søren Łukasz Jürgen Çağla Björn Renée Noémie François Zoltán "
    "Małgorzata Iñaki Anaïs Maëlle Jörg Åsa Håkon Ines Mateo Lucía Sofía Thiago João "
    "Priya Arjun Mei Hiroshi Yuki Aiko Kwame Amara Fatima Omar Leila Nadia Mikhail Olga "
    "Tomás Emma Liam Noah Olivia Grace Daniel Sarah David Laura Peter Hannah Jonas Lea "
    "Felix Marta Paolo Giulia Sven Ingrid Ravi Deepa Chen Wei Tariq Ayşe Elif Dana"
).split()

LAST_NAMES = (
    "Müller Núñez Lefèvre Ødegård Wróblewski Yıldız García Schäfer Åberg Dubois Groß "
    "Fernández Rodríguez Gonçalves Kowalski Nowak Novák Dvořák Horváth Szabó Jensen "
    "Nielsen Johansson Lindqvist Bergström Rossi Bianchi Ferrari Moreau Laurent Petit "
    "Schmidt Weber Fischer Wagner Becker Hoffmann Smith Johnson Brown Taylor Wilson "
    "Clarke Walker Patel Sharma Iyer Nakamura Tanaka Suzuki Kim Park Lee Wang Zhang "
    "Okafor Mensah Haddad Karimi Ivanova Petrov Öztürk Çelik Søndergaard O'Brien"
).split()

EXTRA_PEOPLE = ("田中 愛子 (Aiko Tanaka)", "محمد علي", "Ngozi Adébáyọ̀", "Łucja Żółkiewska")

TEAM_AREAS = (
    "Checkout Payments Search Catalogue Pricing Billing Identity Onboarding Loyalty "
    "Recommendations Fulfilment Logistics Returns Inventory Marketplace Ads Messaging "
    "Notifications Accounts Fraud Risk Compliance Reporting Analytics Growth Support "
    "Content Media Maps Booking Subscriptions Invoicing Ledger Tax Partner Seller"
).split()

TEAM_KINDS = (
    "",
    "",
    "",
    " Platform",
    " Mobile",
    " Web",
    " API",
    " Data",
    " Core",
    " Experience",
    " Services",
    " Integrations",
)

CROSS_TEAMS = (
    "Platform Engineering",
    "Release Management",
    "Site Reliability",
    "Developer Experience",
    "Engineering Leadership",
    "Security Engineering",
    "Quality Engineering",
    "Data Platform",
    "Cloud Infrastructure",
    "Architecture Office",
    "Agile Coaching",
    "Product Operations",
)

COALITION_THEMES = (
    "Reliability",
    "Delivery",
    "Quality",
    "Flow",
    "Observability",
    "Testing",
    "Release",
    "Security",
    "Data Quality",
    "Developer Experience",
    "Resilience",
    "Performance",
)
COALITION_KINDS = ("Coalition", "Coalition", "Coalition", "Guild", "Alliance", "Working Group")
COALITION_SPECIALS = (
    "Zürich Platform Guild",
    "São Paulo Delivery Coalition",
    "Ödeme Platformu Koalisyonu",
    "Équipe Qualité Logicielle",
)

GOAL_TEMPLATES = (
    (
        "Halve the time from merged change to customer value in {area}, from {a} days to "
        "under {b}, by the end of {quarter} — without raising the change failure rate."
    ),
    "Cut the change failure rate of {area} teams from {pa}% to under {pb}% by {quarter}.",
    "Every {area} team can deploy on its own, at least daily, by {quarter}.",
    "Bring the median time to restore {area} services from {a} hours to under {b} by {quarter}.",
    "Reach {pb} of {pa} {area} teams running automated tests on every review by {quarter}.",
    "Reduce escaped defects in {area} by half by {quarter}, measured on the incident log.",
)

PRACTICES = (  # success patterns: name, summary
    (
        "Trunk-based development with feature flags",
        "Everyone merges to main at least daily; unfinished work hides behind flags.",
    ),
    (
        "Consumer-driven contract tests",
        "The consuming team writes the contract; the provider's pipeline runs it.",
    ),
    (
        "Canary deploys with automatic rollback",
        "A new version takes 5% of traffic first and rolls back on error-rate alarms.",
    ),
    (
        "Pair review instead of async review",
        "Two people review a change together within the hour instead of waiting in a queue.",
    ),
    ("Blue-green deploy", "Two production stacks; a deploy switches traffic, not servers."),
    ("Test data builders", "Tests create their data through small builders, not shared fixtures."),
    (
        "Weekly dependency updates",
        "A bot opens update pull requests every Monday; the team merges by Friday.",
    ),
    ("Blameless post-incident reviews", "Every incident gets a review about the system, not the people."),
    (
        "Service-level objectives per team",
        "Each team owns a few SLOs and spends its error budget deliberately.",
    ),
    (
        "Shadow traffic before cut-over",
        "Real requests are mirrored to the new system and compared for a week.",
    ),
    ("Ensemble programming for risky changes", "The whole team works on the risky change at one keyboard."),
    ("Deploy on merge", "Every merge to main deploys to production without a manual step."),
    ("Dark launches", "Code ships switched off and is turned on per customer group."),
    ("Contract-first API design", "Teams agree the API schema in review before anyone writes code."),
    ("Golden path templates", "New services start from a maintained template with pipeline and monitoring."),
    ("Flaky test quarantine", "A flaky test moves to quarantine within a day and gets an owner."),
    ("Small-batch releases", "Changes ship in small batches; no release holds more than a day of work."),
    ("Runbooks next to the code", "Operational runbooks live in the repository and are reviewed like code."),
    ("Chaos days", "Once a quarter the team breaks its own service on purpose and fixes what hurts."),
    ("Ownership map for services", "Every service has one owning team, listed where on-call looks first."),
    ("Mutation testing on core logic", "Mutation scores show which tests would not catch a real bug."),
    ("Database migrations in expand-contract steps", "Schema changes ship in backward-compatible steps."),
    ("Review checklists per risk area", "Reviews of payment and privacy code follow a short checklist."),
    ("Production readiness review", "A one-hour review before a service takes real traffic."),
    ("Visible work-in-progress limits", "The team board caps work in progress; new work waits."),
)

FAILURES = (  # failure patterns: name, summary
    (
        "Long code freezes before peaks",
        "Freezing changes for weeks before a peak stores up risk instead of removing it.",
    ),
    ("Big-bang migrations", "Moving everything in one weekend left no way back when it failed."),
    (
        "Shared staging environment as the only test gate",
        "Teams queued for staging and tested each other's bugs.",
    ),
    ("Mandating a tool without support", "A tool was required by decree; teams worked around it."),
    (
        "Manual change-advisory approval per deploy",
        "A weekly approval board turned daily deploys into weekly batches.",
    ),
    ("Hero on-call", "One person knew the system; when they left, incidents took days."),
    ("Copying another team's pipeline wholesale", "A pipeline copied without its context broke in new ways."),
    ("Test coverage targets as a goal", "Teams wrote tests for the number, not for the risk."),
    ("Skipping the pilot team", "Rolling out to every team at once hid the first team's lessons."),
    ("Feature flags without clean-up", "Hundreds of stale flags made every change harder to reason about."),
)

CONTEXTS = (
    "for legacy services",
    "across time zones",
    "in regulated teams",
    "for data pipelines",
    "on the mobile apps",
    "for the monolith",
    "with a shared platform team",
    "for small teams",
    "in the payments domain",
    "for partner integrations",
    "with on-call rotation",
)

GUIDANCE = (
    "Start with one service and one team; pair the first week with someone who has done it.",
    "Agree an owner before you start; review the first month together at the check-in.",
    "Keep the first change small enough to deploy in a day; measure before and after.",
    "Write down what you stop doing; the new practice replaces work, it does not add to it.",
    "Ask the platform team for the template first; do not build your own tooling.",
    "Run it for two sprints, then decide with the team whether to keep it.",
    "Make the result visible on the team board; a number nobody sees does not change.",
)
AVOID = (
    "Avoid it: shrink the batch size instead, and deploy before the peak, not after.",
    "Do not start with every team at once; pick a pilot and learn from its review.",
    "If you must, time-box it to two days and name who decides to end it.",
    "Replace the gate with automated checks the team owns; review the checks, not each deploy.",
)

WORKS_WHEN = (
    "The team owns its deployment pipeline",
    "Automated tests run in under {n} minutes",
    "Services deploy independently",
    "APIs are versioned",
    "Main is always releasable",
    "The team has an on-call rotation",
    "A sponsor protects the first {n} weeks",
    "Reviews happen within a day",
    "The team has fewer than {n} open incidents",
    "Monitoring alerts reach the owning team",
    "The team ships at least weekly",
)
BREAKS_WHEN = (
    "Releases need a change-advisory approval per deploy",
    "No one owns the clean-up",
    "The test suite takes over {n} minutes",
    "Two teams share one repository without owners",
    "A vendor owns the deployment",
    "The team has no time budgeted for it",
    "Deploys need a maintenance window",
    "The database is shared with {n} other services",
    "Priorities change every sprint",
    "The pilot team is reorganised mid-way",
)
PREREQUISITES = (
    "A feature-flag service (Platform offers one)",
    "A shared contract broker",
    "Production metrics per service",
    "A deploy pipeline per service",
    "Test environments on demand",
    "A named owner for the first {n} weeks",
    "Agreement from the team's product manager",
    "Access to the incident log",
    "A sponsor in engineering leadership",
    "Test data that is safe to share",
)
SEEN_AT = (
    "",
    "",
    "",
    " (seen at {team})",
    " — learned from {team}",
    " in teams of {n}+ people",
    " during the peak season",
    " after the re-organisation",
)

OUTCOME_SUCCESS = (
    ("Lead time cut from {a} to {b} days", "DORA lead time, median over 8 weeks: {a} → {b} days."),
    ("Deploys went from weekly to daily", "Deploy log: {a} deploys in the quarter, up from {b}."),
    (
        "Zero integration incidents for a quarter",
        "Incident log: {a} integration incidents before, none after.",
    ),
    ("Change failure rate down from {pa}% to {pb}%", "Change failure rate over 12 weeks: {pa}% → {pb}%."),
    ("Review wait time under a day", "Median review wait: {a} hours, down from {b} hours."),
    ("Restore time cut to under an hour", "Median time to restore: {b} minutes over {a} incidents."),
)
OUTCOME_FAILURE = (
    ("The roll-out stalled after the pilot", "Only {b} of {a} teams started; survey: no time budgeted."),
    ("Outage after a big release", "Post-incident review PIR-{n}: {b}-hour outage."),
    ("Teams worked around the new gate", "Audit: {pa}% of deploys bypassed the process."),
    ("Test suite too slow to run per change", "Pipeline time grew from {b} to {a} minutes."),
)
HAPPENED = (
    "{team} tried it first over {n} weeks, with coaching from the coalition.",
    "Started with one service in {team}; two more followed after the first review.",
    "The coalition paired with {team} for a sprint and wrote up what changed.",
    "{team} ran it during the peak season and reported back at the check-in.",
)

LIMITS = (
    "No on-call cover for {team}; no changes to {team}'s pipeline by the coalition.",
    "The coalition does not change the release calendar.",
    "Support ends after the first service is live; {team} runs it afterwards.",
    "Coaching only; the coalition does not write production code for {team}.",
    "No budget for new tooling; the existing platform offer only.",
)
SUPPORT_TEXT = (
    ("coaching", "Pairing sessions in the first two sprints", "Pairing in the first two sprints only"),
    ("coaching", "Two workshops with the team", "Workshops only; no follow-up reviews"),
    ("time", "Review of the first pipeline changes", "Review only; {team} makes the changes"),
    ("time", "Setting up the test environment", "Setup only; {team} runs it afterwards"),
    ("artifact", "The playbook and its checklist", "Playbook as is; no team-specific version"),
    ("artifact", "Pipeline template", "Template as is; changes go through the platform team"),
    ("other", "Office hours during the roll-out", "Thursdays only, for six weeks"),
)
STARTED_NOTES = (
    "Kick-off done with {team}",
    "First service moved",
    "Pilot running in {team}",
    "Work started after the planning",
    "Started; coaching booked",
)
ADOPTED_NOTES = (
    "Running on all {team} services",
    "Adopted; results shared at the coalition review",
    "In use for {n} weeks; the team keeps it",
    "Adopted; lead time down as hoped",
)
ABANDONED_NOTES = (
    "Priorities changed after the re-organisation",
    "No time budgeted this quarter",
    "The team was merged into {team}",
    "Tried it; did not fit our release process",
    "Sponsor left; no one to back it",
    "Superseded by a platform-wide change",
)
CLOSEOUT_NOTE = "Closed at the yearly review: no activity since the check-in"

TITLES = (
    "Scale Across — {area} delivery patterns",
    "Quarterly Scale Across: {quarter}",
    "{coalition}: what we learned this quarter",
    "Scale Across with {area}",
    "Sharing {theme} patterns",
    "Scale Across — {theme} review {quarter}",
)
NOTES = (
    "Check in at the {area} retro.",
    "Sponsor wants a summary for the steering group.",
    "Revisit after the peak season.",
    "Team asked for a pairing buddy.",
)
