@protocol:intelligent-indbakke
Feature: Intelligent indbakke R9 and 3.4: an unknown patient and a malformed report

  Lonni has three requisitions with "Autosvar ved normal". The report on J1 names a patient the GP system does not
  know (CPR 3112999998, not a national test person); its results are all normal. The report on J2 names another
  patient the system does know (Einer), so requisition number and patient do not belong together. The report on K1
  is cut off before its end (not well-formed XML). None may be handled automatically: the unknown patient's report
  is shown in the doctor's inbox, neither Lonni nor Einer gets a reply on J2, and the malformed report is refused
  (4xx) or shown in the inbox.

  Background:
    Given test patient "0201609996" has requisition "J1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609996" has requisition "J2" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609996" has requisition "K1" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    When laboratory "TLA" delivers a "komplet_svar" report on requisition "J1" for the patient unknown to the GP system "3112999998":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "J2" for test patient "0201609995":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "K1" for test patient "0201609996", cut off before its end:
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |

  @cp:II-3.4.1 @usecase:T
  Scenario: The receiving endpoint accepts a well-formed XRPT01
    Then every well-formed report was answered with a 2xx status
    And the assessor judges "Systemet modtog laboratoriesvaret uden fejl" / "The system received the lab report without error"

  @cp:II-3.3.9.1 @usecase:R9
  Scenario: A report for an unknown patient is never auto-handled
    Then the report on requisition "J1" for the unknown patient "3112999998" is in the doctor's inbox and nothing is handled automatically
    And the report on requisition "J2" for the other test patient "0201609995" is handled automatically for neither patient
    And the assessor judges "Svaret på den ukendte patient ligger i lægens indbakke og er ikke håndteret automatisk" / "The report for the unknown patient is in the doctor's inbox and was not handled automatically"

  @cp:II-3.4.2 @usecase:T
  Scenario: A malformed report is not auto-handled silently
    Then the cut-off report on requisition "K1" is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the assessor judges "Systemet afviste det afkortede svar eller viser det i indbakken; intet automatisk svar eller arkivering" / "The system refused the cut-off report or shows it in the inbox; no automatic reply or archiving"
