@protocol:vandrejournal-maalinger @usecase:S1
Feature: Vandrejournal S1: the GP system shares the Vandrejournal (PSCR) after a pregnancy visit

  At the first svangreundersøgelse the GP records the terminsberegning, the woman's answers about tobacco and
  alcohol, the overall assessment and the first measurements. The GP system shares the Vandrejournal with
  Graviditetsmappen as a PSCR document through national document sharing (received by certbench as an IHE MHD
  Provide Document Bundle), in the format its profile declares: HL7 CDA or the SDS FHIR draft. The document, its
  participants and every model element must be what the GP registered.

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
    When the GP system shares the Vandrejournal

  @cp:GM-3.3.1.1
  Scenario: The Vandrejournal is submitted with its metadata and the document
    Then the Vandrejournal reaches national document sharing as a Provide Document Bundle with the document as Binary

  @cp:GM-3.3.1.2
  Scenario: The Vandrejournal is in the declared format
    Then the Vandrejournal is a document in the format the profile declares

  @cp:GM-3.3.1.3
  Scenario: The header follows the format
    Then the Vandrejournal header follows its format

  @cp:GM-3.3.1.4
  Scenario: Document type PSCR and title Vandrejournal
    Then the Vandrejournal has the document type "PSCR" under MedCom's OID and the title "Vandrejournal"

  @cp:GM-3.3.1.5
  Scenario: The document has its own id
    Then the Vandrejournal has its own id, which the metadata's masterIdentifier names

  @cp:GM-3.3.1.6
  Scenario: The document time has seconds and the Danish offset
    Then the Vandrejournal time has seconds and the Danish offset

  @cp:GM-3.3.1.7
  Scenario: The pregnant woman is identified by CPR
    Then the Vandrejournal names the pregnant woman by her CPR number
    And the Vandrejournal gives the pregnant woman's name and gender as her test person's, where it gives them

  @cp:GM-3.3.1.8
  Scenario: The author is one organisation with one SOR id
    Then the Vandrejournal has one author organisation identified by one SOR id

  @cp:GM-3.3.1.9
  Scenario: An official pregnancy episode reference has the draft's form
    Then any official pregnancy episode reference of the Vandrejournal has the draft's form

  @cp:GM-3.3.1.10
  Scenario: Every observation is final and timed
    Then every observation of the Vandrejournal is final, timed with a zone and without constrained elements

  @cp:GM-3.3.1.11
  Scenario: Observation codes use the code system the format fixes
    Then the observation codes of the Vandrejournal use the code system its format fixes

  @cp:GM-3.3.1.12
  Scenario: Each model element at most once
    Then the Vandrejournal has 1 to 16 entries, each model element at most once

  @cp:GM-3.3.1.13
  Scenario: The terminsberegning as registered
    Then the terminsberegning carries the last menstrual period, the cycle days and the certainty as registered

  @cp:GM-3.3.1.14
  Scenario: Naegele's due date
    Then the terminsberegning carries Naegele's due date computed from the last menstrual period and the cycle

  @cp:GM-3.3.1.15
  Scenario: Tobacco and alcohol as answered
    Then tobak and alkohol carry the answers as registered

  @cp:GM-3.3.1.16
  Scenario: The overall assessment as registered
    Then samlet vurdering carries the assessment and the care level as registered

  @cp:GM-3.3.1.17
  Scenario: The CDA narrative shows what the entries say
    Then the Vandrejournal's narrative shows the numbers and texts of its entries
