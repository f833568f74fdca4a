@protocol:intelligent-indbakke
Feature: Intelligent indbakke R9 and 3.4: an unknown patient and a malformed report

  Lonni has seven requisitions with "Autosvar ved normal". The report on J1 names a patient the GP system does not
  know (CPR 3112999998, not a national test person); its results are all normal. The report on J2 names another
  patient the system does know (Einer), so requisition number and patient do not belong together. The report on J3
  names Lonni, but nobody ordered a requisition with that number (a paper requisition, say). The report on K1 is cut
  off before its end (not well-formed XML); the report on K2 is well-formed but lacks its mandatory Patient element;
  the report on K3 has its CivilRegistrationNumber element, but empty.
  The report on J4 is an ordinary one, but with the XRPT01 namespace bound to a prefix
  (<lab:LaboratoryReport xmlns:lab="…">), the same document by XML Namespaces 1.0. None of J1, J2, J3 may be handled
  automatically: the unknown patient's report is shown in the doctor's inbox, J2's report is shown under the patient
  it names and neither Lonni nor Einer gets a reply on it, J3's report is shown in Lonni's inbox, and the malformed
  reports are refused (4xx) or shown in the inbox. Every complete, well-formed report is received (2xx). J4 is
  answered automatically; the replies and audit log of Einer and of the unknown patient show nothing about it. The
  report on J5 carries, besides the two analyses ordered, a glucose the laboratory added on its own (an analysis the
  GP did not order): it is received (2xx); how the requisition is then handled is not prescribed. The items of the
  reports that match no requisition (J1, J2, J3) show only the results those reports carried.

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
    And test patient "0201609996" has requisition "K2" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609996" has requisition "K3" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609996" has requisition "J4" ordered with auto-handling "autosvar-ved-normal" for:
      | NPU      |
      | NPU19748 |
      | NPU02319 |
    And test patient "0201609996" has requisition "J5" ordered with auto-handling "autosvar-ved-normal" for:
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
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "J3", which nobody ordered, for test patient "0201609996":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "J4" for test patient "0201609996", with the XRPT01 namespace bound to the prefix "lab":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "J5" for test patient "0201609996":
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
      | NPU21531 | 5,1  | 4,2-6,3  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "K1" for test patient "0201609996", cut off before its end:
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "K2" for test patient "0201609996", without its "Patient" element:
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |
    And laboratory "TLA" delivers a "komplet_svar" report on requisition "K3" for test patient "0201609996", with its "CivilRegistrationNumber" element empty:
      | NPU      | svar | interval |
      | NPU19748 | 3    | -8       |
      | NPU02319 | 8,4  | 7,3-9,5  |

  @cp:II-3.4.1 @usecase:T
  Scenario: The receiving endpoint accepts a well-formed XRPT01
    Then every complete, well-formed report was answered with a 2xx status
    And the assessor judges "Systemet modtog hvert velformet laboratoriesvar uden fejl, også det med navnerumspræfiks (J4) og det med en analyse, lægen ikke bestilte (J5)" / "The system received every well-formed lab report without error, also the one with a namespace prefix (J4) and the one with an analysis the GP did not order (J5)"

  @cp:II-3.3.9.1 @usecase:R9
  Scenario: A report for an unknown patient is never auto-handled
    Then the report on requisition "J1" for the unknown patient "3112999998" is in the doctor's inbox and nothing is handled automatically
    And the report on requisition "J2" for the other test patient "0201609995" is handled automatically for neither patient
    And the report on requisition "J2" is in the doctor's inbox under the patient it names, "0201609995"
    And the report on requisition "J3", which nobody ordered, is in the doctor's inbox of test patient "0201609996" and nothing is handled automatically
    And the replies, fees and audit log of each patient show nothing about another patient's requisitions
    And the item of the report on requisition "J1" under patient "3112999998" shows only the results the report carried
    And the item of the report on requisition "J2" under patient "0201609995" shows only the results the report carried
    And the item of the report on requisition "J3" under patient "0201609996" shows only the results the report carried
    And the assessor judges "Svarene på den ukendte patient (J1), på en anden patient end rekvisitionens (J2, vist under Einer) og på en rekvisition, ingen har bestilt (J3), ligger i lægens indbakke og er ikke håndteret automatisk" / "The reports for the unknown patient (J1), for another patient than the requisition's (J2, shown under Einer) and on a requisition nobody ordered (J3) are in the doctor's inbox and were not handled automatically"

  @cp:II-3.4.2 @usecase:T
  Scenario: A malformed report is not auto-handled silently
    Then the cut-off report on requisition "K1" is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the report on requisition "K2" without its "Patient" element is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the report on requisition "K3" with its "CivilRegistrationNumber" element empty is refused or shown in the doctor's inbox, and never answered or archived automatically
    And the assessor judges "Systemet afviste det afkortede svar (K1), svaret uden patient (K2) og svaret med tomt CPR-nummer (K3) eller viser dem i indbakken; intet automatisk svar eller arkivering" / "The system refused the cut-off report (K1), the report without a patient (K2) and the report with an empty CPR number (K3) or shows them in the inbox; no automatic reply or archiving"
