@protocol:vandrejournal-maalinger @usecase:S2
Feature: Målinger S2: the GP system shares the Målinger (PMR) of the pregnancy

  Over two visits the GP measures weight and blood pressure, later the symphysis-fundus height and the fetal
  heart sound, and registers the due date from the ultrasound scan; at a third visit only the symphysis-fundus
  height is measured (a measurement not taken is not shared). The GP system shares the Målinger with
  Graviditetsmappen as a PMR document holding every measurement of the pregnancy: plain measurements with value
  and unit, blood pressure as an interval, and fetus measurements that point to the fetus.

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
    And the GP registers a pregnancy visit for test patient "0201919990":
      | besøgsdato          | 2025-07-29 |
      | vægt (kg)           | 71.5       |
      | blodtryk            | 122/78     |
      | symfyse-fundus (mm) | 210        |
      | hjertelyd foster 1  | ja         |
      | UL-termin           | 2025-12-12 |
    And the GP registers a pregnancy visit for test patient "0201919990":
      | besøgsdato          | 2025-09-09 |
      | symfyse-fundus (mm) | 285        |
    When the GP system shares the Målinger

  @cp:GM-3.3.2.1
  Scenario: The Målinger are submitted as a PMR document in the declared format
    Then the Målinger reach national document sharing as a Provide Document Bundle with the document as Binary
    And the Målinger is a document in the format the profile declares
    And the Målinger has the document type "PMR" under MedCom's OID and the title "Målinger"

  @cp:GM-3.3.2.2
  Scenario: Measurements with value and unit
    Then the weight and symphysis-fundus measurements carry value and unit as registered

  @cp:GM-3.3.2.3
  Scenario: Blood pressure as an interval measurement
    Then the blood pressure is an interval measurement with low and high as registered

  @cp:GM-3.3.2.4
  Scenario: Fetus measurements point to the fetus
    Then every fetus measurement points to a fetus identified under 1.2.208.184.100.4 with relationship CHILD

  @cp:GM-3.3.2.5
  Scenario: The ultrasound due date
    Then the ultrasound due date is shared as a date as registered

  @cp:GM-3.3.2.6
  Scenario: Every observation is final and timed
    Then every observation of the Målinger is final, timed with a zone and without constrained elements

  @cp:GM-3.3.2.7
  Scenario: The CDA narrative shows what the measurements say
    Then the Målinger's narrative shows the numbers and texts of its entries
