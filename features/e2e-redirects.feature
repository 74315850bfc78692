Feature: End to end, redirects as the app follows them
  OkHttp (the stack of IPTV Smarters) follows up to 20 redirects, across hosts and between http
  and https. The doctor follows them the same way, each hop checked by its network gate first and
  counted in its request budget, and reports the chain. The password is never sent where the gate
  refuses, and every Location it shows is masked.

  Scenario Outline: The panel moved to a new name: the login works only after the redirect (<family>)
    Given a <family> panel with an active line and the panel moved to a new name
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is SERVER_URL_MOVED
    And the fixes include "http://new-panel.example.test:"
    And the evidence includes "answered HTTP 301 with Location http://new-panel.example.test:"
    And the server the URL leads to saw 1 request and the panel 1
    And the doctor was polite to the panel
    And the password appears in no output

    Examples:
      | family |
      | XC2    |
      | XUI    |

  Scenario: The panel moved from http to https
    Given a XC2 panel with an active line and the panel moved to https
    And the device trusts the panel's certificate
    When I diagnose with these details
    Then the category is INVALID_DETAILS
    And the cause is SERVER_URL_MOVED
    And the fixes include "https://panel.example.test:"
    And the server the URL leads to saw 1 request and the panel 1
    And the password appears in no output

  Scenario: The redirect leads to https with a certificate the device does not trust: a dead end
    Given a XC2 panel with an active line and the panel moved to https
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is REDIRECT_DEAD_END
    And the evidence includes "tls.cert.untrusted"
    And the server the URL leads to saw 1 request and the panel 0
    And the password appears in no output

  Scenario: The URL redirects to itself: a loop
    Given a XC2 panel with an active line and a redirect to itself
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is REDIRECT_LOOP
    And the fixes include "direct server URL"
    And the server the URL leads to saw 1 request and the panel 0
    And the check does not exit 0
    And the password appears in no output

  Scenario Outline: A redirect that leads nowhere: <fault>
    Given a XC2 panel with an active line and <fault>
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is REDIRECT_DEAD_END
    And the evidence includes "<seen>"
    And the panel saw no login request
    And the password appears in no output

    Examples:
      | fault                                      | seen                 |
      | a redirect to a name that is gone          | gone.example.test    |
      | a redirect to a port where nothing listens | cannot be reached    |

  Scenario: A redirect into a private network is not followed, and gets no password
    Given a XC2 panel with an active line and a redirect into a private network
    When I diagnose with these details
    Then the category is LOGIN_FAILED
    And the cause is REDIRECT_REFUSED
    And the evidence includes "10.255.255.1"
    And the evidence includes "password=***"
    And the server the URL leads to saw 1 request and the panel 0
    And the password appears in no output
