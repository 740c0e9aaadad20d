"""The fuller sample event of the layout tour: long French names and texts on every step.

Real rooms type long coalition names, accented words and whole sentences; the
tour shows each screen with this event as well as with the short demo event.
"""

from __future__ import annotations

import datetime as dt

TODAY = dt.date.today()
FULLER_COALITION = "Coalition Fiabilité des Paiements Internationaux — Équipe Élargie"


# Long addresses, some not ASCII, for the participants table; most people have none.
_EMAILS = {
    "lukasz": "lukasz.wroblewski-brzeczyszczykiewicz@ingenierie-de-plateforme.example.com",
    "francois": "francois-xavier.dejardin-moreau@donnees-clients-et-fidelite.example.fr",
    "maria": "maría.josé@conformité-réglementaire.example.eu",
    "aiko": "aiko.tanaka@例子.广告",
}


def fuller_event(session, *, date: dt.date):
    """Create an event whose texts are as long as real ones get, through the services.

    Long accented names and teams, five outcomes and patterns, six agreements
    with up to three support items each, and an owner promised far beyond the
    hours she stated (not accepted), another accepted.
    """
    from facilitator.domain import (
        BoundaryKind,
        OutcomeKind,
        ParticipantRole,
        SupportType,
        Trigger,
    )
    from facilitator.services import (
        agreements,
        events,
        outcomes,
        participants,
        patterns,
    )

    event = events.plan_event(
        session,
        coalitions=[FULLER_COALITION],
        date=date,
        facilitator="Marie-Éléonore Dubois-Lefèvre",
        trigger=Trigger.RELEVANT_LEARNINGS,
        title="Scale Across — paiements transfrontaliers, ce qui a marché et ce qui a échoué",
    )
    events.set_top_goal(
        session,
        event.id,
        event.coalitions[0].id,
        "Réduire de moitié le délai entre une modification fusionnée et sa mise en production pour les "
        "paiements internationaux, de 12 jours à moins de 6, d'ici la fin du troisième trimestre, sans "
        "augmenter le taux d'échec des changements ni la charge d'astreinte des équipes.",
    )
    people = {}
    for key, name, team, role in [
        (
            "zoe",
            "Zoë-Éléonore Lefèvre-Castellanos",
            "Expérience Client & Paiements Internationaux",
            ParticipantRole.COALITION_MEMBER,
        ),
        (
            "lukasz",
            "Łukasz Wróblewski-Brzęczyszczykiewicz",
            "Ingénierie de Plateforme et Outillage",
            ParticipantRole.COALITION_MEMBER,
        ),
        (
            "maria",
            "María José Núñez de Balboa",
            "Conformité Réglementaire (Europe)",
            ParticipantRole.POTENTIAL_ADOPTER,
        ),
        (
            "soren",
            "Søren Ødegård Kjærsgaard",
            "Recherche et Recommandations",
            ParticipantRole.POTENTIAL_ADOPTER,
        ),
        (
            "cagla",
            "Çağla Yıldız Karaağaçlı",
            "Gestion des Mises en Production",
            ParticipantRole.PROCESS_OWNER,
        ),
        (
            "francois",
            "François-Xavier Déjardin-Moreau",
            "Données Clients et Fidélité",
            ParticipantRole.POTENTIAL_ADOPTER,
        ),
        (
            "benedicte",
            "Bénédicte Ørsted-Villeneuve",
            "Applications Mobiles iOS & Android",
            ParticipantRole.POTENTIAL_ADOPTER,
        ),
        ("aiko", "田中 愛子 (Aiko Tanaka)", "Direction de l'Ingénierie", ParticipantRole.SPONSOR),
    ]:
        people[key] = participants.add_participant(
            session, event.id, name, team, role, email=_EMAILS.get(key, "")
        )
    participants.set_capacity(session, event.id, people["zoe"].id, 12)
    participants.set_capacity(session, event.id, people["lukasz"].id, 8)

    made = []
    for kind, title in [
        (OutcomeKind.SUCCESS, "Délai de mise en production réduit de 12 à 5,5 jours pour les virements SEPA"),
        (OutcomeKind.SUCCESS, "Aucun incident d'intégration avec la Conformité pendant un trimestre entier"),
        (
            OutcomeKind.FAILURE,
            "Le gel des déploiements avant les soldes a aggravé l'incident du premier jour",
        ),
        (OutcomeKind.FAILURE, "La revue d'architecture centralisée est devenue un goulet d'étranglement"),
        (OutcomeKind.SUCCESS, "Les tableaux de bord partagés ont réduit les escalades d'astreinte de 40 %"),
    ]:
        made.append(
            outcomes.add_outcome(
                session,
                event.id,
                kind,
                title,
                "Sur huit semaines, les équipes ont changé leur façon de livrer, étape par étape, avec un "
                "accompagnement hebdomadaire et une rétrospective à la fin de chaque sprint.",
                "Médiane sur 8 semaines mesurée par le tableau de bord DORA : 12,1 → 5,5 jours ; "
                "taux d'échec 14 % → 11 %.",
            )
        )
    names = [
        ("Développement sur le tronc avec des drapeaux de fonctionnalité", OutcomeKind.SUCCESS),
        ("Tests de contrat pilotés par le consommateur entre équipes", OutcomeKind.SUCCESS),
        ("Longs gels de code avant les pics de trafic", OutcomeKind.FAILURE),
        ("Revue d'architecture centralisée pour chaque changement", OutcomeKind.FAILURE),
        ("Tableaux de bord d'astreinte partagés entre équipes", OutcomeKind.SUCCESS),
    ]
    made_patterns = []
    for (name, kind), outcome in zip(names, made, strict=True):
        pattern = patterns.create_pattern(
            session,
            event.id,
            name,
            kind=kind,
            summary="Chaque équipe fusionne sur la branche principale au moins une fois par jour ; "
            "le travail inachevé reste caché derrière un drapeau jusqu'à sa sortie.",
            guidance="Commencer par un seul service, fixer une date de retrait à chaque drapeau créé, et "
            "travailler en binôme la première semaine avec quelqu'un qui l'a déjà fait.",
            outcome_ids=[outcome.id],
        )
        made_patterns.append(pattern)
        for boundary, text in [
            (
                BoundaryKind.WORKS_WHEN,
                "L'équipe possède entièrement son pipeline de déploiement et ses tests",
            ),
            (BoundaryKind.WORKS_WHEN, "Les tests automatisés s'exécutent en moins de quinze minutes"),
            (BoundaryKind.BREAKS_WHEN, "Chaque déploiement exige une approbation du comité des changements"),
            (
                BoundaryKind.PREREQUISITE,
                "Un service de drapeaux de fonctionnalité (la Plateforme en propose un)",
            ),
        ]:
            patterns.add_boundary(session, pattern.id, boundary, text, event_id=event.id)

    check_ins = [TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=42), None]
    plan = [
        (
            "maria",
            [0, 2],
            [
                (SupportType.COACHING, 10, "hours", "zoe"),
                (SupportType.ARTIFACT, 1, "playbook", "zoe"),
                (SupportType.TIME, 6, "hours", "lukasz"),
            ],
        ),
        ("soren", [1], [(SupportType.TIME, 8, "hours", "lukasz")]),
        ("cagla", [2, 3], [(SupportType.COACHING, 8, "hours", "zoe")]),
        (
            "francois",
            [0, 1, 4],
            [(SupportType.COACHING, 6, "hours", "zoe"), (SupportType.OTHER, 2, "hours", "lukasz")],
        ),
        (
            "benedicte",
            [4],
            [(SupportType.COACHING, 6, "hours", "zoe"), (SupportType.ARTIFACT, 2, "modèles", "lukasz")],
        ),
        ("lukasz", [0], [(SupportType.TIME, 4, "hours", "zoe")]),
    ]
    for number, (adopter, adopted, support) in enumerate(plan):
        agreement = agreements.add_agreement(
            session,
            event.id,
            people[adopter].id,
            pattern_ids=[made_patterns[i].id for i in adopted],
            sponsor_id=people["aiko"].id,
            check_in=check_ins[number % len(check_ins)],
            limits="Pas d'astreinte pour l'équipe adoptante ; "
            "aucune modification de son pipeline par la coalition.",
        )
        for kind, amount, unit, owner in support:
            agreements.add_support_item(
                session,
                agreement.id,
                kind,
                amount=amount,
                unit=unit,
                owner_id=people[owner].id,
                description="Sessions en binôme pendant les deux premiers sprints uniquement",
                limits="Uniquement pendant les heures de bureau, pas le week-end",
            )
    # Łukasz's over-commitment was accepted by the room; Zoë's is still to decide.
    participants.accept_over_commitment(session, event.id, people["lukasz"].id)
    # The TOP Goal ran over its five minutes: the overrun is on show.
    events.record_step_time(session, event.id, "top-goal", 5 * 60 + 25)
    return event
