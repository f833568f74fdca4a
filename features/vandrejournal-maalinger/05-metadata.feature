@protocol:vandrejournal-maalinger @usecase:S1
Feature: Metadata: the sharing metadata of the Vandrejournal and the Målinger

  Each shared document is registered in national document sharing with XDS metadata: the GMv2 formatCode and
  typeCode of its type, classCode 001 (Klinisk rapport), the MIME type of its format and the patient, and what
  MedCom's XDS metadata fixes for a general practice (home community, confidentiality N, facility type and practice
  setting, the practice as author, language Danish) with status current.

  Background:
    Given the GP registers a pregnancy visit for test patient "0201919990":
      | besøgsdato               | 2025-04-22                                          |
      | sidste menstruation      | 2025-03-03                                          |
      | cyklus (dage)            | 30                                                  |
      | terminsberegning sikker  | ja                                                  |
      | vægt (kg)                | 68                                                  |
      | blodtryk                 | 118/76                                              |
      | rygning før graviditet   | ja                                                  |
      | rygning under graviditet | Stoppet ved positiv graviditetstest                 |
      | alkohol før graviditet   | ja                                                  |
      | alkohol under graviditet | nej                                                 |
      | genstande pr. uge        | 0                                                   |
      | samlet vurdering         | Ukompliceret graviditet, tidligere ryger (stoppet). |
      | omsorgsniveau            | Niveau 1                                            |
    When the GP system shares the Vandrejournal and the Målinger

  @cp:GM-3.4.1
  Scenario: formatCode
    Then the formatCode of each document is its GMv2 format code

  @cp:GM-3.4.2
  Scenario: typeCode and classCode
    Then the typeCode of each document is its type under the MedCom OID and the classCode is 001

  @cp:GM-3.4.3
  Scenario: MIME type and patient
    Then the metadata carries the document's MIME type and the pregnant woman's CPR

  @cp:GM-3.4.4
  Scenario: Home community, confidentiality, facility type and practice setting, author, status and language
    Then the metadata names the national home community and a general practice: confidentiality, facility type and practice setting, and the practice as author of a current Danish document
