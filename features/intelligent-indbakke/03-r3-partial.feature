@protocol:intelligent-indbakke @usecase:R3
Feature: Intelligent indbakke R3: a partial report waits for the complete one

  Lonni's requisition C1 ("Autosvar ved normal") first gets a partial report (del_svar): CRP and haemoglobin are
  final and normal, the glucose sample is only received (proeve_modtaget). Nothing is done automatically until the
  complete report (komplet_svar) arrives with every result final and normal; then the requisition is answered.
  Chosen rule (addendum §A.6 item 8): a del_svar is never judged on its own.

  Background:
    Given test patient "0201609996" has requisition "C1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
      | NPU21531 |
    When laboratory "TLA" delivers a "del_svar" report on requisition "C1" for test patient "0201609996":
      | NPU      | svar  | interval |
      | NPU19748 | 2     | -8       |
      | NPU02319 | 8,1   | 7,3-9,5  |
      | NPU21531 | ***** |          |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "C1" for test patient "0201609996":
      | NPU      | svar | interval |
      | NPU19748 | 2    | -8       |
      | NPU02319 | 8,1  | 7,3-9,5  |
      | NPU21531 | 5,1  | 4,2-6,3  |

  @cp:II-3.3.3.1
  Scenario: The partial report is not answered
    Then after report 1, requisition "C1" is neither answered nor archived automatically
    And the assessor judges "Efter delsvaret var rekvisitionen hverken besvaret eller arkiveret automatisk" / "After the partial report the requisition was neither answered nor archived automatically"

  @cp:II-3.3.3.2
  Scenario: The complete report is answered
    Then after report 2, requisition "C1" is answered automatically and archived
    And the assessor judges "Efter det komplette svar er rekvisitionen besvaret automatisk én gang og arkiveret" / "After the complete report the requisition is answered automatically once and archived"
