@protocol:lab-sharing @usecase:S.CORR
Feature: Deling af lokale labsvar S.CORR: a corrected value is sent as a correction

  The GP registered a haemoglobin with a wrong value and corrects it. The correction is sent as a correction of
  the same result, referencing the original; LABA then shows only the newest value, traceable to the first.

  Background:
    Given test patient "0201609995" has these local lab results registered in the clinic:
      | svar | NPU      | analyse                             | resultat | enhed  | prøvetaget                |
      | hb   | NPU02319 | B—Hæmoglobin(Fe); stofk. = ? mmol/L | 6.2      | mmol/L | 2026-04-07T10:00:00+02:00 |
    When the GP corrects "hb" to the value "8.2"

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
