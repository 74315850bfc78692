Feature: End to end, the guide's FAQ and a working line
  Lines that log in, with what the doctor still has to say about them.

  Scenario Outline: A healthy <family> panel: no fault, one request, no password anywhere
    Given a <family> panel with an active line and no network fault
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: Odd field types (ints for strings, an empty https_port) do not break the login (reference 3.3 case 14)
    Given a XC2 panel with an active line and odd field types
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the panel saw exactly 1 login request
    And the password appears in no output

  Scenario Outline: Every connection of the <family> line is in use (reference 3.3 case 21): the login works, the next stream does not
    Given a <family> panel with a line using all its connections and no network fault
    When I diagnose with these details
    Then the category is AUTHORIZATION_FAILED
    And the cause is CONNECTION_LIMIT_REACHED
    And the fixes include "Log out of the app, or close it, on the other devices"
    And the fixes include "Ask the provider to reset the active connections"
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: A line that ends tomorrow logs in, with a warning
    Given a XC2 panel with a line ending tomorrow and no network fault
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And there is a warning finding EXPIRES_SOON
    And the password appears in no output

  Scenario: "It fails in the evening": the panel answers slowly at peak hours
    Given a XC2 panel with an active line and no network fault
    And the user reports that it fails mostly at peak hours
    When I diagnose with these details
    Then the category is CONNECTION_TIMEOUT
    And the cause is PEAK_HOUR_FAILURES
    And the fixes include "Run this check again while it fails"
    And the password appears in no output

  Scenario: The app said "Invalid Details" but the login works from here
    Given a XC2 panel with an active line and no network fault
    And the user reports that the app said "invalid details"
    When I diagnose with these details
    Then the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output
