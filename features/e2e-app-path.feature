Feature: End to end, the path the user's app takes
  The login goes where the app would send it: the addresses the system resolver gives, in its
  order, falling back to the next when one refuses. Public resolvers are for comparison; a second
  login through their address is made only when the app's path failed before reaching the panel.
  "No fault" is never said without a login answer read whole and accepted.

  Scenario Outline: A DNS filter answers 0.0.0.0 for the panel's name (<family>)
    Given a <family> panel with an active line and a system resolver answering 0.0.0.0
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is DNS_TAMPERING
    And the evidence includes "0.0.0.0"
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario Outline: The user's DNS still gives an old address where nothing listens (<family>)
    Given a <family> panel with an active line and a system resolver giving an old address where nothing listens
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is STALE_DNS_ANSWER
    And the evidence includes "127.0.0.77"
    And the evidence includes "the connection was refused"
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
    And the check does not exit 0
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: The user's DNS gives an old address that another site now uses: the panel saw one login, through the public address
    Given a XUI panel with an active line and a system resolver giving an old address another site now uses
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is STALE_DNS_ANSWER
    And there is no finding WRONG_PORT
    And the panel saw exactly 1 login request
    And the password appears in no output

  Scenario: One dead address before the panel's: the app falls back to it, a warning at most
    Given a XC2 panel with an active line and a dead first address before the panel's
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the cause is DEAD_ADDRESS
    And there is a warning finding DEAD_ADDRESS
    And the evidence includes "Try 2, 127.0.0.1"
    And the panel saw exactly 1 login request
    And the password appears in no output

  Scenario: The name exists, but no resolver has an address for it (NODATA)
    Given a XC2 panel with an active line and no address for the name anywhere
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is NAME_HAS_NO_ADDRESS
    And the panel saw no login request
    And the check does not exit 0

  Scenario: The name is an alias (CNAME) of a CDN name that leads to the panel
    Given a XUI panel with an active line and the name an alias of a CDN name
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And the panel saw exactly 1 login request

  Scenario: The name is an alias of a name that no longer exists
    Given a XC2 panel with an active line and the name an alias of a name that is gone
    When I diagnose with these details
    Then the category is HOST_NOT_FOUND
    And the cause is NAME_DOES_NOT_EXIST
    And the evidence includes "an alias of gone.cdn.example.test"
    And the panel saw no login request

  Scenario Outline: An address typed as <form> reaches the login intact
    Given a XC2 panel with an active line and <fault>
    And the user types the server as "<typed>"
    When I diagnose with these details
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And the panel saw exactly 1 login request
    And the password appears in no output

    Examples:
      | form                        | fault                        | typed                        |
      | an IPv4 address             | no network fault             | http://127.0.0.1:{port}      |
      | an IPv4-mapped IPv6 literal | no network fault             | http://[::ffff:127.0.0.1]:{port} |
      | an IPv6 literal             | a panel listening on ::1 only | http://[::1]:{port}          |
      | an IPv6 literal with a zone | a panel listening on ::1 only | http://[::1%25lo]:{port}     |
      | a name on IPv6 only         | a panel listening on ::1 only | {url}                        |

  Scenario: Exactly one login, even when it is refused
    Given a XUI panel with an active line and no network fault
    And the user types a wrong password
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the panel saw exactly 1 login request
    And the doctor was polite to the panel
