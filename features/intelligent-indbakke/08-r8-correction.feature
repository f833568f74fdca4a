@protocol:intelligent-indbakke @usecase:R8
Feature: Intelligent indbakke R8: a corrected result after an automatic reply

  Elmer's requisition H1 ("Autosvar ved normal") is answered automatically. The laboratory then corrects the
  haemoglobin (svar_rettet); the corrected value is still normal. The requisition returns to the doctor's inbox and
  is not answered automatically a second time.

  Background:
    Given test patient "2509479989" has requisition "H1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "H1" for test patient "2509479989":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,6  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "H1" for test patient "2509479989":
      | NPU      | svar | interval | status      |
      | NPU02319 | 8,9  | 8,3-10,5 | svar_rettet |

  @cp:II-3.3.8.1
  Scenario: The correction returns the requisition to the inbox
    Then after the correction, requisition "H1" is back in the doctor's inbox
    And the assessor judges "Efter det rettede svar ligger rekvisitionen igen i lægens indbakke" / "After the corrected result the requisition is back in the doctor's inbox"

  @cp:II-3.3.8.2
  Scenario: The correction is not answered automatically
    Then the correction of requisition "H1" is not answered automatically: the patient got only the first reply
    And the assessor judges "Patienten har kun fået det første automatiske svar" / "The patient got only the first automatic reply"
