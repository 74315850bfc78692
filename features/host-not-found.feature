Feature: Host Not Found (guide chapter 5: DNS resolution failure)
  The server's name cannot be turned into an address.

  Scenario: No resolver knows the name: a typo
    Given the facts of a working login
    And every resolver answers NXDOMAIN
    And the connection to the panel's port is timed_out
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is NAME_DOES_NOT_EXIST
    And the fixes include "letter by letter"

  Scenario: The user's DNS fails while public DNS answers
    Given the facts of a working login
    And the system resolver answers SERVFAIL
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is SYSTEM_DNS_FAILED
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the fixes include "Reboot"

  Scenario: The user's DNS says the name does not exist, public DNS knows it
    Given the facts of a working login
    And the system resolver answers NXDOMAIN
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is SYSTEM_DNS_FAILED

  Scenario: No resolver answers at all
    Given the facts of a working login
    And every resolver answers nothing
    And the connection to the panel's port is timed_out
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is NO_RESOLVER_ANSWERS
    And the fixes include "internet"

  Scenario: The server URL is no valid host name
    Given the facts of the example "host-malformed"
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is HOST_MALFORMED

  Scenario: Two dots in a row in the host name
    Given only these facts:
      """
      {"facts": [
        {"type": "ServerInput", "typed": "http://panel..example.com", "outcome": "input.host_malformed", "hostKind": "invalid"}
      ]}
      """
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is HOST_MALFORMED
    And the fixes include "http://name.example:8080"

  Scenario: The name exists, but has no address anywhere (NODATA)
    Given the facts of the example "name-has-no-address"
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is NAME_HAS_NO_ADDRESS
    And the evidence includes "an alias of lb.example-cdn.net"

  Scenario: The user's DNS gives an old address; a public resolver's address reaches the panel
    Given the facts of the example "stale-dns-answer"
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is STALE_DNS_ANSWER
    And the fixes include "1.1.1.1 and 8.8.8.8"
    And the evidence includes "198.51.100.77"

  Scenario: NODATA from the user's DNS while public DNS answers
    Given the facts of a working login
    And the system resolver answers NODATA
    When I evaluate the facts
    Then the category is HOST_NOT_FOUND
    And the cause is SYSTEM_DNS_FAILED
