@protocol:intelligent-indbakke @usecase:R8
Feature: Intelligent indbakke R8: a corrected result after an automatic reply

  Elmer's requisition H1 ("Autosvar ved normal") is answered automatically. The laboratory then corrects the
  haemoglobin (svar_rettet); the corrected value is still normal. The requisition returns to the doctor's inbox and
  is not answered automatically a second time. The same holds after the other automatic handling, an archive until
  the appointment: H3 ("Arkiver til aftale", appointment in 14 days) is archived, then corrected, and is back in the
  doctor's inbox at once, not on the appointment day. A correction of a requisition already in the doctor's inbox
  is not answered automatically either: H2's CRP is above its interval, so H2 goes to the inbox; the laboratory
  corrects the CRP to a normal value, and H2 stays in the inbox without a reply (addendum §A.6 item 7: a svar_rettet
  is never auto-answered silently).

  Background:
    Given test patient "2509479989" has requisition "H1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "2509479989" has requisition "H2" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "2509479989" has requisition "H3" ordered with auto-handling "arkiver-til-aftale" and an appointment in 14 days for:
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
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "H2" for test patient "2509479989":
      | NPU      | svar | interval |
      | NPU19748 | 12   | -8       |
      | NPU02319 | 9,6  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "H2" for test patient "2509479989":
      | NPU      | svar | interval | status      |
      | NPU19748 | 4    | -8       | svar_rettet |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "H3" for test patient "2509479989":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 9,6  | 8,3-10,5 |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "H3" for test patient "2509479989":
      | NPU      | svar | interval | status      |
      | NPU02319 | 8,9  | 8,3-10,5 | svar_rettet |

  @cp:II-3.3.8.1
  Scenario: The correction returns the requisition to the inbox
    Then after the correction, requisition "H1" is back in the doctor's inbox
    And after the correction, requisition "H3" is back in the doctor's inbox
    And the assessor judges "Efter de rettede svar ligger H1 og H3 (arkiveret til aftalen) straks igen i lægens indbakke" / "After the corrected results H1 and H3 (archived until the appointment) are back in the doctor's inbox at once"

  @cp:II-3.3.8.2
  Scenario: The correction is not answered automatically
    Then the correction of requisition "H1" is not answered automatically: the patient got only the first reply
    And requisition "H2" stays in the doctor's inbox and the patient gets no automatic reply
    And the assessor judges "Patienten har kun fået det første automatiske svar på H1 og intet svar på H2, der stadig ligger i lægens indbakke" / "The patient got only the first automatic reply on H1 and no reply on H2, which is still in the doctor's inbox"
