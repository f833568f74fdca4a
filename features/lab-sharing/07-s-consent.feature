@protocol:lab-sharing @usecase:S.CONSENT
Feature: Deling af lokale labsvar S.CONSENT: nægtet samtykke

  The patient refuses sharing of a CRP when it is registered, refuses sharing of a haemoglobin after it was shared,
  and withdraws an earlier refusal for an HbA1c. certbench's model (protocols/lab-sharing.yaml): a refused result
  is shared marked restricted (meta.security R) so the databases keep it from other users; a refusal after sharing
  and a withdrawal are updates of the same result.

  Background:
    Given test patient "0201609995" has these local lab results registered in the clinic:
      | svar  | NPU      | analyse                                | resultat | enhed    | prøvetaget                | samtykke |
      | crp   | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 25       | mg/L     | 2026-04-20T08:00:00+02:00 | nægtet   |
      | hb    | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L    | 7.1      | mmol/L   | 2026-04-20T08:05:00+02:00 |          |
      | hba1c | NPU27300 | B-HbA1c (IFCC)                         | 61       | mmol/mol | 2026-04-20T08:10:00+02:00 | nægtet   |
    When the patient refuses sharing of "hb" after it was shared (nægtet samtykke)
    And the patient withdraws the refusal for "hba1c"
    And the GP opens the lab results of test patient "0201609995"

  @cp:LAB-3.3.5.1
  Scenario: A refused result is shared marked restricted
    Then "crp", registered with nægtet samtykke, is shared marked restricted on the report and every observation

  @cp:LAB-3.3.5.2
  Scenario: A refusal after sharing is sent as an update
    Then "hb" is sent again marked restricted, as an update referencing its shared version

  @cp:LAB-3.3.5.3
  Scenario: A withdrawn refusal is sent as an update
    Then "hba1c" is sent again without the restriction, as an update referencing its restricted version

  @cp:LAB-3.3.5.4
  Scenario: The databases show the newest consent marking
    Then LABA, as sent, shows "crp, hb" restricted and "hba1c" unrestricted

  @cp:LAB-3.3.5.5
  Scenario: The GP system shows nægtet samtykke
    Then the GP system shows nægtet samtykke on "crp, hb" and not on "hba1c"
