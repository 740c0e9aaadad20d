"""A failure pattern in a mail draft reads as what to avoid, as the agreement PDF has it."""

from __future__ import annotations

import email
import email.policy

from exports.mail import agreement_drafts


def test_a_failure_pattern_is_named_as_what_to_avoid(demo_event):
    drafts = {draft.adopter: draft for draft in agreement_drafts(demo_event)}
    message = email.message_from_bytes(drafts["Ana Núñez (Payments)"].data, policy=email.policy.default)
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")

    assert "- Long code freezes before peaks (a failure pattern: what to avoid)" in body
    assert "- Trunk-based development with feature flags\n" in body  # a success pattern as it is
