Feature: End to end, Host Not Found (guide chapter 5)
  The server's name cannot be turned into an address.

  Scenario: No resolver knows the name: a typo, or the domain is gone
    Given a XC2 panel with an active line and no resolver knowing the name
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is NAME_DOES_NOT_EXIST
    And the fixes include "letter by letter"
    And the panel saw no login request
    And the password appears in no output

  Scenario Outline: The internet provider's resolver answers <answer>; a public one knows the name (reference 3.3 case 20)
    Given a XC2 panel with an active line and an ISP resolver answering <answer>
    When I diagnose with these details
    Then the category is <category>
    And the cause is <cause>
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | answer   | category       | cause             |
      | NXDOMAIN | HOST_NOT_FOUND | SYSTEM_DNS_FAILED |
      | SERVFAIL | HOST_NOT_FOUND | SYSTEM_DNS_FAILED |
      | REFUSED  | HOST_NOT_FOUND | SYSTEM_DNS_FAILED |
      | nothing  | HOST_NOT_FOUND | SYSTEM_DNS_FAILED |

  Scenario: A server name that cannot be a host name
    Given a XC2 panel with an active line and no network fault
    And the user types the server as "http://panel..example.test:8080"
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is HOST_MALFORMED
    And the panel saw no login request
    And the password appears in no output
