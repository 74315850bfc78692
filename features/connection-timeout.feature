Feature: Connection Timeout (guide chapter 4: server load)
  The panel can be reached but does not answer in time, or says it is too busy.

  Scenario: Connected, but no answer to the login
    Given the facts of a working login
    And the login request gets no answer within 10000 ms
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is HTTP_NO_ANSWER
    And the fixes include "outside peak hours"
    And the evidence includes "within 10 seconds"

  Scenario: The server says it is overloaded (503)
    Given the facts of a working login
    And the login request gets HTTP 503 with an html body of 197 bytes
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is SERVER_OVERLOADED
    And the fixes include "report HTTP 503 to the provider"

  Scenario: Too many requests (429)
    Given the facts of a working login
    And the login request gets HTTP 429 with an html body of 120 bytes
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is SERVER_OVERLOADED

  Scenario: Cloudflare cannot reach the provider's server (522)
    Given the facts of a working login
    And the login request gets HTTP 522 with an html body of 7124 bytes
    And the answer comes from Cloudflare with CF-RAY "8e3f1a2b3c4d5e6f-AMS"
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is CLOUDFLARE_ORIGIN_ERROR
    And the fixes include "CF-RAY 8e3f1a2b3c4d5e6f-AMS"

  Scenario Outline: Cloudflare reaches the provider's server, but not properly (<status>)
    Given the facts of a working login
    And the login request gets HTTP <status> with an html body of 5210 bytes
    And the answer comes from Cloudflare with CF-RAY "8e3f1a2b3c4d5e6f-AMS"
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is CLOUDFLARE_ORIGIN_ERROR

    Examples:
      | status |
      | 525    |
      | 526    |
      | 530    |

  Scenario: The login works but is slow
    Given the facts of a working login
    And the login answer took 4800 ms
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is SLOW_RESPONSE
    And the evidence includes "4800 ms"

  Scenario: The login works but the round trip is long
    Given the facts of a working login
    And the median connect time is 420 ms
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HIGH_LATENCY
    And the evidence includes "420 ms"

  Scenario: A dead address before the working one: the login works, with a warning
    Given the facts of the example "dead-address"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is DEAD_ADDRESS
    And the evidence includes "198.51.100.77"

  Scenario: The TLS handshake gets no answer
    Given the facts of the example "tls-no-answer"
    When I evaluate the facts
    Then the category is CONNECTION_TIMEOUT
    And the cause is TLS_NO_ANSWER
