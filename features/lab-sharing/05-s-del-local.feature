@protocol:lab-sharing @usecase:S.DEL
Feature: Deling af lokale labsvar S.DEL: a local delete deletes nothing in the databases

  The GP deletes a shared CRP in the GP system. No deletion or cancellation is sent: LABA keeps the result, and
  the GP system keeps it retrievable, marked deleted, with its history. A result registered afterwards shows
  that anything sent late for the delete has arrived.

  Background:
    Given test patient "0504909995" has these local lab results registered in the clinic:
      | svar  | NPU      | analyse                                | resultat | enhed    | prøvetaget                |
      | crp   | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 15       | mg/L     | 2026-04-09T08:30:00+02:00 |
      | hba1c | NPU27300 | B-HbA1c (IFCC)                         | 53       | mmol/mol | 2026-04-09T08:35:00+02:00 |
    When the GP deletes "crp" in the GP system
    And afterwards the GP registers these local lab results for test patient "0504909995":
      | svar    | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | kontrol | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 9        | mg/L  | 2026-04-10T08:30:00+02:00 |
    And the GP opens the lab results of test patient "0504909995"

  @cp:LAB-3.3.4.1
  Scenario: A local delete sends nothing that removes the result
    Then no deletion or cancellation of "crp" is sent, and LABA, as sent, still holds it unchanged

  @cp:LAB-3.3.4.2
  Scenario: The deleted result stays retrievable with its history
    Then the GP system still shows "crp", marked deleted, with its history
