@protocol:vandrejournal-maalinger @usecase:S4
Feature: To graviditeter S4: two pregnancies less than 40 weeks apart

  No pregnancy id is shared nationally: Graviditetsmappen groups a woman's documents into pregnancies by due date
  (Naegele and ultrasound due dates, the latest ultrasound date winning; a document without a due date joins the
  pregnancy it is dated in). After a miscarriage the woman is pregnant again within 40 weeks. The GP system must
  give the new pregnancy its own documents, with due dates that let Graviditetsmappen tell the pregnancies apart.
  The woman answers fewer questions here than in S1 (in the first pregnancy only alcohol before it, in the second
  only smoking before it; no care level): the Vandrejournal must not fill in what was never registered.

  Background:
    Given the GP registers a pregnancy visit for test patient "0201919996":
      | besøgsdato              | 2024-10-21              |
      | sidste menstruation     | 2024-09-02              |
      | cyklus (dage)           | 28                      |
      | terminsberegning sikker | ja                      |
      | vægt (kg)               | 61                      |
      | blodtryk                | 110/70                  |
      | alkohol før graviditet  | nej                     |
      | samlet vurdering        | Ukompliceret graviditet |
    And the GP system shares the Vandrejournal and the Målinger
    And the GP registers the first visit of a new pregnancy for test patient "0201919996":
      | besøgsdato              | 2025-03-31                                  |
      | sidste menstruation     | 2025-02-10                                  |
      | cyklus (dage)           | 28                                          |
      | terminsberegning sikker | ja                                          |
      | vægt (kg)               | 62                                          |
      | blodtryk                | 112/72                                      |
      | rygning før graviditet  | nej                                         |
      | samlet vurdering        | Ny graviditet efter spontan abort i uge 9.  |
    And the GP system shares the Vandrejournal and the Målinger
    And the GP registers a pregnancy visit for test patient "0201919996":
      | besøgsdato | 2025-05-12 |
      | vægt (kg)  | 63         |
      | blodtryk   | 115/72     |
      | UL-termin  | 2025-11-19 |
    When the GP system shares the Målinger again

  @cp:GM-3.3.4.1
  Scenario: The new pregnancy gets new documents
    Then the new pregnancy's documents do not replace the previous pregnancy's

  @cp:GM-3.3.4.2
  Scenario: Graviditetsmappen can tell the pregnancies apart by due date
    Then grouping the documents by due date gives each pregnancy exactly its own documents

  @cp:GM-3.3.4.3
  Scenario: Each pregnancy's Vandrejournal carries only what was registered in it
    Then each Vandrejournal carries only what was registered in its pregnancy
