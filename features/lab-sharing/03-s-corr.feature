@protocol:lab-sharing @usecase:S.CORR
Feature: Deling af lokale labsvar S.CORR: a corrected value is sent as a correction

  The GP registered a haemoglobin with a wrong value and corrects it. The correction is sent as a correction of
  the same result, referencing the original; LABA then shows only the newest value, traceable to the first. An INR
  registered as above the device's range (>8) is corrected twice: the second correction revises the first, so its
  history stays one chain, and the comparator is gone with the first correction. A check-up of HbA1c and CRP has
  its CRP (the second analysis) corrected to below the device's range (<5). A capillary glucose, not on the agreed
  list and so kept in the clinic, is corrected too: nothing may be sent for it, and the GP sees the new value.

  Background:
    Given test patient "0201609995" has these local lab results registered in the clinic:
      | svar | NPU      | analyse                                                                              | resultat | enhed  | prøvetaget                |
      | hb   | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L                                                  | 6.2      | mmol/L | 2026-04-07T10:00:00+02:00 |
      | inr  | NPU01685 | P—Koagulation, vævsfaktor-induceret; rel.tid(aktuel/norm; INR; IRP 67/40; proc.) = ? | >8       | INR    | 2026-04-07T10:10:00+02:00 |
    And afterwards the GP registers these local lab results for test patient "0201609995":
      | svar    | NPU      | analyse                                | resultat | enhed    | prøvetaget                |
      | kontrol | NPU27300 | B-HbA1c (IFCC)                         | 53       | mmol/mol | 2026-04-08T09:00:00+02:00 |
      | kontrol | NPU19748 | P—C-reaktivt protein; massek. = ? mg/L | 12       | mg/L     | 2026-04-08T09:00:00+02:00 |
      | glukose | NPU22089 | P(kB)—Glucose; stofk. = ? mmol/L       | 6.1      | mmol/L   | 2026-04-08T09:05:00+02:00 |
    When the GP corrects "hb" to the value "8.2"
    And the GP corrects "inr" to the value "2.4"
    And the GP corrects "inr" once more, to the value "2.5"
    And the GP corrects the analysis "NPU19748" of "kontrol" to the value "<5"
    And the GP corrects "glukose", which was never shared, to the value "6.3"
    And the GP opens the lab results of test patient "0201609995"

  @cp:LAB-3.3.2.1
  Scenario: The correction is a correction of the same result
    Then "hb" is sent again as a correction: same identifiers, status corrected and the new value

  @cp:LAB-3.3.2.2
  Scenario: The correction references the original
    Then the correction of "hb" references the original message

  @cp:LAB-3.3.2.3
  Scenario: Never a delete, never cancel-and-new
    Then the correction of "hb" is neither a deletion nor a cancellation followed by a new result

  @cp:LAB-3.3.2.4
  Scenario: Only the newest value is shown, with traceability
    Then LABA, as sent, holds one result "hb" showing only the newest value, traceable to the original

  @cp:LAB-3.3.2.5
  Scenario: A second correction revises the first
    Then the second correction of "inr" is sent as a correction of the first, with the newest value and no comparator

  @cp:LAB-3.3.2.6
  Scenario: The messages about another test patient's results carry her or his name
    Then every shared result names the test patient "0201609995" by name, and by gender and birth date where given

  @cp:LAB-3.3.2.7
  Scenario: A correction of the second analysis, to a value with a comparator
    Then "kontrol" is sent again as a correction with only its CRP changed, to "<5" with the comparator

  @cp:LAB-3.3.2.8
  Scenario: A correction of a result that was never shared sends nothing
    Then nothing is sent for "glukose", neither when it was registered nor when it was corrected, while "kontrol" is corrected, and the GP system shows "glukose" corrected, not shared
