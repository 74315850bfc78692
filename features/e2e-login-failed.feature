Feature: End to end, Login Failed (guide chapter 2)
  The details are right, but something between the user and the panel stops the login.

  Scenario: The internet provider's resolver points the name to a block page
    Given a XC2 panel with an active line and an ISP resolver pointing to a block page
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario Outline: A User-Agent filter refuses the player with HTTP <status> (reference 3.3 cases 8, 9, 12)
    Given a <family> panel with an active line and a User-Agent filter answering <status> to all but xciptv
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is PROVIDER_FILTER
    And the fixes include "many providers only let known apps in"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family | status |
      | XC2    | 401    |
      | XUI    | 403    |
      | XC2    | 454    |
      | XUI    | 884    |

  Scenario: A User-Agent filter answers a web page instead of JSON (reference 3.3 cases 5, 10)
    Given a XC2 panel with an active line and a User-Agent filter answering a web page to all but xciptv
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is PROVIDER_FILTER
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario: The panel already banned this address for flooding (reference 3.3 case 16)
    Given a XUI panel with an active line and a flood ban on this address
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is FLOOD_BAN
    And the fixes include "do not try again for at least an hour"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario Outline: Strict flood protection on a <family> panel: one diagnosis does not trip it
    Given a <family> panel with an active line and flood protection banning after 3 quick requests
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: The connection is reset during the login
    Given a XC2 panel with an active line and a connection reset
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is HTTP_BLOCKED
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

  Scenario Outline: The port cannot be reached: <fault> (also reference 3.3 case 6, a server that is down)
    Given a XC2 panel with an active line and <fault>
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is PORT_UNREACHABLE
    And the fixes include "Check the port in the provider's message"
    And the panel saw no login request
    And the password appears in no output

    Examples:
      | fault           |
      | a filtered port |
      | a closed port   |

  Scenario Outline: A certificate the app cannot trust: <fault>
    Given a XC2 panel with an active line and <fault>
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is <cause>
    And the fixes include "http://"
    And the panel saw no login request
    And the password appears in no output

    # The wrong-name certificate is self-signed too: the name is named first, as the fault the user can act on.
    Examples:
      | fault                          | cause              |
      | a self-signed certificate      | TLS_CERT_UNTRUSTED |
      | an expired certificate         | TLS_CERT_EXPIRED   |
      | a certificate for another name | TLS_CERT_NAME_MISMATCH |
