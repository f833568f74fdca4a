@protocol:lab-sharing @usecase:S.CANC
Feature: Deling af lokale labsvar S.CANC: a result on the wrong patient is cancelled, never deleted

  A CRP was registered on the wrong patient. The GP cancels it with a comment; the databases get a cancellation
  marking of the same result, with the comment, and keep the result marked cancelled; the GP system shows it
  cancelled, with the comment.

  Background:
    Given test patient "0201609996" has these local lab results registered in the clinic:
      | svar | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | crp  | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 77       | mg/L  | 2026-04-08T09:00:00+02:00 |
    When the GP cancels "crp" as registered on the wrong patient, with the comment "Registreret på forkert patient"
    And the GP opens the lab results of test patient "0201609996"

  @cp:LAB-3.3.3.1
  Scenario: A cancellation marking of the same result
    Then "crp" is sent again as a cancellation marking: same identifiers, status cancelled, referencing the original

  @cp:LAB-3.3.3.2
  Scenario: The cancellation carries the comment
    Then the cancellation of "crp" carries the comment "Registreret på forkert patient"

  @cp:LAB-3.3.3.3
  Scenario: Never a deletion
    Then the cancellation of "crp" is never a deletion: LABA, as sent, keeps it marked cancelled

  @cp:LAB-3.3.3.4
  Scenario: The GP system shows the cancellation and its comment
    Then the GP system shows "crp" cancelled, with the comment "Registreret på forkert patient"
