@protocol:lab-sharing @usecase:S.INVALID
Feature: Deling af lokale labsvar 3.4: content the databases must reject is never sent

  The GP tries to register results LABA and MiBA must reject: a local strep A test without NPU code, a CRP without
  unit, a CRP sampled in the future, and a CRP of a person known only by a replacement CPR (X-eCPR). The GP
  system may refuse the entry (HTTP 422) or keep it locally, but never sends it; what it keeps, the GP sees as not
  shared. A valid CRP registered afterwards must still be shared.

  Background:
    Given the GP tries to register these invalid local lab results for test patient "2509479989":
      | svar           | NPU      | analyse                                         | resultat | enhed | prøvetaget                |
      | strep-a        |          | Streptokok gruppe A, hurtigtest (lokal analyse) | pos      |       | 2026-05-04T08:10:00+02:00 |
      | crp-uden-enhed | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L          | 42       |       | 2026-05-04T08:20:00+02:00 |
      | crp-fremtid    | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L          | 12       | mg/L  | 2099-01-01T08:00:00+01:00 |
    And the GP tries to register these invalid local lab results for the person with replacement CPR "0703921VJ5":
      | svar     | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | crp-ecpr | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 15       | mg/L  | 2026-05-04T08:30:00+02:00 |
    And afterwards the GP registers these local lab results for test patient "2509479989":
      | svar    | NPU      | analyse                                | resultat | enhed | prøvetaget                |
      | kontrol | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 9        | mg/L  | 2026-05-04T09:00:00+02:00 |
    And the GP opens the lab results of test patient "2509479989"

  @cp:LAB-3.4.1
  Scenario: No analysis without an NPU code is sent
    Then no result without an NPU code is sent, such as "strep-a", while "kontrol" arrives

  @cp:LAB-3.4.2
  Scenario: No numeric value without a unit is sent
    Then no numeric result without a unit is sent, such as "crp-uden-enhed", while "kontrol" arrives

  @cp:LAB-3.4.3
  Scenario: No sampling time in the future is sent
    Then no result sampled in the future is sent, such as "crp-fremtid", while "kontrol" arrives

  @cp:LAB-3.4.4
  Scenario: No patient identifier in an unknown CPR format is sent
    Then no result with a patient identifier in an unknown CPR format is sent, such as "crp-ecpr", while "kontrol" arrives

  @cp:LAB-3.4.5
  Scenario: The GP system shows what it kept locally as not shared
    Then the GP system shows every invalid result it kept, such as "strep-a", as not shared with its analyses as registered, and "kontrol" as shared
