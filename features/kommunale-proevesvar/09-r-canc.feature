@protocol:kommunale-proevesvar @usecase:R.CANC
Feature: Kommunale prøvesvar R.CANC (certbench's own checks): a cancelled report is marked and archived, never deleted

  Not part of MedCom's receive protocol 1.2.1 (outside the production trial), mandatory in the standard. The team
  sends MedCom's test example R1-3.3.2.4 (glucose and an image) and then cancels the whole message: it was sent on
  the wrong CPR number. The GP system marks it cancelled with the reason and archives it.

  Background:
    Given the acute-care team sends "sendt på forkert CPR": MedCom's test example "R1-3.3.2.4"
    When the team sends "annullering": a cancellation of "sendt på forkert CPR" with the reason "Prøvesvaret er sendt på forkert CPR-nummer"
    And the GP opens the received prøvesvar and the laboratory chart of "2509479989"

  @cp:KP-CANC-1
  Scenario: The cancellation is acknowledged positively
    Then "annullering" is acknowledged with "ok"
    And the assessor judges "Systemet har sendt en positiv kvittering (ok) for annulleringen" / "The system sent a positive acknowledgement (ok) for the cancellation"

  @cp:KP-CANC-2
  Scenario: The cancellation is shown with its reason
    Then the report "annullering" is shown as cancelled with the reason "Prøvesvaret er sendt på forkert CPR-nummer"
    And the assessor judges "Prøvesvaret er tydeligt markeret annulleret med årsagen" / "The report is clearly marked cancelled, with the reason"

  @cp:KP-CANC-3
  Scenario: Archived, not deleted
    Then the cancelled report "annullering" of "sendt på forkert CPR" is archived, not deleted, and its chart rows are marked cancelled
    And the assessor judges "Prøvesvaret er arkiveret og ikke slettet" / "The report is archived, not deleted"
